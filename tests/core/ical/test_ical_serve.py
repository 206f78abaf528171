"""Our export feeds served over HTTP on 127.0.0.1 at unguessable, stable URLs."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys

import pytest
import requests

from channelmgr.cli import main
from channelmgr.demo import load_demo
from channelmgr.ical.feed_server import KEY_FILE, FeedServer, feed_key, published_feeds
from channelmgr.ical.service import IcalExportService
from channelmgr.inventory.calendar_services import CalendarServices


@pytest.fixture
def served(db, tmp_path):
    load_demo(db)
    export = IcalExportService(db, CalendarServices(db).availability)
    server = FeedServer(db, export, feed_key(tmp_path))
    server.start()
    yield server, export
    server.close()


def uids(body: bytes) -> list[bytes]:
    return [line for line in body.splitlines() if line.startswith(b"UID:")]


def test_each_feed_is_served_at_its_own_url_and_nothing_else_is(db, tmp_path, served):
    server, export = served
    feeds = published_feeds(db, feed_key(tmp_path))
    assert {f.room for f in feeds} > {None}  # room types and their rooms
    assert len({f.path for f in feeds}) == len(feeds)
    room_type = next(f for f in feeds if f.room is None)
    reply = requests.get(server.url_of(room_type), timeout=10)
    assert reply.status_code == 200 and reply.headers["Content-Type"].startswith("text/calendar")
    expected = export.room_type_feed(room_type.property_id, room_type.room_type)
    assert reply.content.startswith(b"BEGIN:VCALENDAR") and uids(reply.content) == uids(expected)
    base = server.url_of(room_type).rsplit("/", 1)[0]
    for wrong in (base + "/" + "0" * 32 + ".ics", base + "/", base.rsplit("/", 1)[0] + "/"):
        assert requests.get(wrong, timeout=10).status_code == 404
    assert requests.post(server.url_of(room_type), timeout=10).status_code == 405


def test_urls_are_stable_secret_and_revoked_with_the_key(db, tmp_path):
    load_demo(db)
    first = [f.path for f in published_feeds(db, feed_key(tmp_path))]
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600
    assert [f.path for f in published_feeds(db, feed_key(tmp_path))] == first  # after a restart too
    assert all(len(p) == len("/ical/.ics") + 32 for p in first)
    (tmp_path / KEY_FILE).unlink()
    assert set(f.path for f in published_feeds(db, feed_key(tmp_path))).isdisjoint(first)


def test_cli_serve_prints_the_urls_serves_them_and_stops_on_sigterm(sqlite_url, tmp_path, capsys):
    env = {**os.environ, "CHANNELMGR_DATA_DIR": str(tmp_path / "data"), "CHANNELMGR_LANG": "en",
           "CHANNELMGR_USER": "owner", "CHANNELMGR_PASSWORD": "demo-owner-1", "CHANNELMGR_DB": sqlite_url}
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    child = subprocess.Popen([sys.executable, "-m", "channelmgr", "ical", "urls", "--port", "1"], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    listed, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    server = subprocess.Popen([sys.executable, "-m", "channelmgr", "ical", "serve", "--port", "0"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = server.stdout.readline()  # printed once the socket is bound
        assert "\thttp://127.0.0.1:" in first, server.stderr.read() if server.poll() is not None else first
        url = first.split("\t")[1].strip()
        assert url.split(":", 2)[2].split("/", 1)[1] in listed  # `ical urls` gives the same paths
        assert requests.get(url, timeout=10).content.startswith(b"BEGIN:VCALENDAR")
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
    assert "Traceback" not in server.stderr.read()
