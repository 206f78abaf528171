"""An iCal channel behind the channel interface: polled by the sync service over HTTP on
127.0.0.1 with conditional requests, nothing pushed, a failing or refused feed changing nothing."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from channelmgr.db.models import Channel, Reservation, ReservationStatus
from channelmgr.ical.service import IcalImportService
from channelmgr.sync.service import SyncService
from tests.support.ledger import CLOCK_NOW, DESK, build_ledger_hotel

FEEDS = Path(__file__).parents[2] / "core" / "ical" / "feeds"
AIRBNB = (FEEDS / "airbnb.ics").read_bytes()
FIRST_UID = "1418fb94e984-7b1c2a9e3f1d4b2c8a0e@airbnb.com"


class FeedHost:
    """A feed host as Airbnb runs one: the body, an ETag, 304 for a matching If-None-Match."""

    def __init__(self):
        self.body, self.status, self.etag = AIRBNB, 200, '"v1"'
        self.requests: list[dict[str, str]] = []
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                host.requests.append(dict(self.headers))
                if host.status != 200:
                    self.send_response(host.status)
                    self.end_headers()
                    return
                if host.etag and self.headers.get("If-None-Match") == host.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                if host.etag:
                    self.send_header("ETag", host.etag)
                self.send_header("Content-Length", str(len(host.body)))
                self.end_headers()
                self.wfile.write(host.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/cal.ics"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def publish(self, body: bytes, etag: str) -> None:
        self.body, self.etag = body, etag

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def host():
    h = FeedHost()
    yield h
    h.close()


@pytest.fixture
def setup(db, host):
    hotel = build_ledger_hotel(db)
    IcalImportService(db, clock=lambda: CLOCK_NOW).import_url(hotel.property_id, "DBL", "airbnb", host.url, DESK)
    sync = SyncService(db, clock=lambda: CLOCK_NOW)
    with db.session() as s:
        channel_id = s.scalar(select(Channel.id).where(Channel.name == "ical:airbnb"))
    yield sync, channel_id
    sync.shutdown()


def held(db):
    with db.session() as s:
        return sorted(r.remote_id for r in s.scalars(select(Reservation).where(
            Reservation.status == ReservationStatus.CONFIRMED)))


def pull(sync, channel_id):
    return sync.pull_reservations(channel_id, actor=DESK).result(timeout=60)


def test_the_url_is_kept_and_polled_conditionally(db, host, setup):
    sync, channel_id = setup
    with db.session() as s:
        assert s.get(Channel, channel_id).endpoint == host.url
    assert len(held(db)) == 2
    first = pull(sync, channel_id)  # the puller has no validators yet: a whole download, unchanged
    assert first.ok and (first.received, first.stored, first.unchanged) == (2, 0, 2)
    second = pull(sync, channel_id)
    assert second.ok and second.received == 0
    assert host.requests[-1].get("If-None-Match") == '"v1"'  # and the host answered 304
    # The host drops the second event: the next poll downloads it and cancels by disappearance.
    only_first = AIRBNB.split(b"BEGIN:VEVENT")[0] + b"BEGIN:VEVENT" + AIRBNB.split(b"BEGIN:VEVENT")[1] + b"END:VCALENDAR\r\n"
    host.publish(only_first, '"v2"')
    third = pull(sync, channel_id)
    assert third.ok and third.stored == 1 and held(db) == [FIRST_UID]


def test_a_host_without_validators_sending_the_same_bytes_is_not_imported_again(db, host, setup):
    sync, channel_id = setup
    host.etag = None  # no ETag: every poll is a whole download
    assert pull(sync, channel_id).unchanged == 2  # the first poll of this puller imports
    again = pull(sync, channel_id)
    assert again.ok and again.received == 0 and "If-None-Match" not in host.requests[-1]
    host.publish(AIRBNB.replace(b"DTEND;VALUE=DATE:20260606", b"DTEND;VALUE=DATE:20260607"), None)
    assert pull(sync, channel_id).stored == 1  # changed bytes are imported


@pytest.mark.parametrize("fault", ["server_error", "hostile"])
def test_a_failing_feed_keeps_the_last_good_state_and_says_why(db, host, setup, fault):
    sync, channel_id = setup
    before = held(db)
    if fault == "server_error":
        host.status = 503
    else:
        host.publish(b"<html><body>maintenance</body></html>", '"v9"')
    report = pull(sync, channel_id)
    assert not report.ok
    assert report.failures[0].kind.value == ("server_error" if fault == "server_error" else "bad_reply")
    assert ("503" if fault == "server_error" else "not an iCalendar") in report.errors[0]
    assert held(db) == before


def test_a_feed_that_cannot_be_read_is_not_shown_in_sync(db, host, setup):
    # Nothing is pushed to an iCal channel, so its pass alone would always say "in sync": the
    # failed read of its feed must reach the status the desk and the dashboard show.
    from channelmgr.sync.report import SyncState

    sync, channel_id = setup
    host.status = 503
    assert not pull(sync, channel_id).ok
    report = sync.push(channel_id, actor=DESK).result(timeout=60)
    assert report.state is SyncState.ERROR and not report.in_sync and "503" in report.errors[0]
    assert sync.statuses.get(channel_id).state is SyncState.ERROR
    host.status = 200
    assert pull(sync, channel_id).ok
    assert sync.push(channel_id, actor=DESK).result(timeout=60).in_sync  # read again: in sync again
    assert sync.statuses.get(channel_id).state is SyncState.IN_SYNC


def test_nothing_is_pushed_to_an_ical_channel_and_the_dry_run_says_so(db, host, setup):
    sync, channel_id = setup
    preview = sync.dry_run(channel_id)
    assert preview.requests_planned == 0 and preview.cells == 0
    assert [w.code for w in preview.warnings] == ["feed_only"]
    pushed = sync.push(channel_id, actor=DESK).result(timeout=60)
    assert pushed.requests_sent == 0 and not pushed.errors
    assert len(host.requests) == 1  # only the import's GET reached the host


def test_a_sandbox_listing_publishes_its_bookings_as_a_feed_the_channel_polls(db):
    # The product's own sandbox OTA as an Airbnb-like host: a guest books there, the feed shows
    # "Reserved" (no name), the poll stores it; cancelled there, it disappears and is cancelled here.
    from datetime import timedelta

    from channelmgr.channels.sandbox.listings import ListingConfig
    from channelmgr.channels.sandbox.server import serve
    from tests.support.ledger import TODAY

    hotel = build_ledger_hotel(db)
    with serve(listings=[ListingConfig("ABB", "abb", "pw", rooms={"DBL"}, rates={"BAR"})], today=lambda: TODAY) as ota:
        remote = ota.book("ABB", "DBL", "BAR", TODAY + timedelta(days=3), TODAY + timedelta(days=5),
                          given_name="小明", surname="王", amount_minor=77600)
        url = f"{ota.url}/ical/ABB/DBL.ics"
        body = requests_get(url)
        assert b"Reserved" in body and "王".encode() not in body and f"UID:{remote}@sandbox-ota".encode() in body
        IcalImportService(db, clock=lambda: CLOCK_NOW).import_url(hotel.property_id, "DBL", "abb", url, DESK)
        assert held(db) == [f"{remote}@sandbox-ota"]
        sync = SyncService(db, clock=lambda: CLOCK_NOW)
        try:
            ota.cancel("ABB", remote)
            report = pull(sync, sync_channel_id(db, "ical:abb"))
            assert report.ok and held(db) == []
        finally:
            sync.shutdown()
        assert requests_get(f"{ota.url}/ical/NOPE/DBL.ics", expect=404) == b"no such listing\n"


def requests_get(url, expect=200):
    import requests

    reply = requests.get(url, timeout=10)
    assert reply.status_code == expect
    return reply.content


def sync_channel_id(db, name):
    with db.session() as s:
        return s.scalar(select(Channel.id).where(Channel.name == name))
