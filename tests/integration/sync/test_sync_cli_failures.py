"""``channelmgr sync`` with the channels' server down: one readable line per channel, details in the log."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from channelmgr.channels.sandbox import serve
from channelmgr.cli import main
from channelmgr.db.engine import open_database
from channelmgr.db.models import Channel
from channelmgr.inventory.nights import local_today, utc_now
from tests.support.sync_world import PASSWORD, sandbox_listing


@pytest.fixture
def stopped_endpoint():
    """The address of a sandbox that ran and was stopped: nothing listens there any more."""
    today = local_today("Asia/Shanghai", utc_now())
    handle = serve(listings=[sandbox_listing()], today=lambda: today)
    endpoint = handle.endpoint("H1")
    handle.stop()
    return endpoint


@pytest.fixture
def two_channels(sqlite_url, stopped_endpoint, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("CHANNELMGR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OTA_PASSWORD", PASSWORD)
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    db = open_database(sqlite_url)
    with db.session() as s:
        s.execute(update(Channel).values(enabled=False))  # the demo's own channels point at :8765
    db.dispose()
    for name in ("h1", "h2"):
        assert main(["--db", sqlite_url, "channel", "add", name, "--endpoint", stopped_endpoint, "--hotel-code", "H1",
                     "--username", "owner", "--password-env", "OTA_PASSWORD", "--set", "horizon_days=30"]) == 0
        assert main(["--db", sqlite_url, "channel", "map", name, "--room-type", "FAM", "--remote-room", "R-FAM"]) == 0
    capsys.readouterr()
    return sqlite_url


@pytest.mark.parametrize("language, sentence", [
    ("zh", "无法连接到渠道服务器（{}）：请检查网络或渠道地址"),
    ("en", "Cannot connect to the server of {}: check the network or the channel address"),
])
def test_a_stopped_server_gives_one_line_per_channel_and_no_retry_noise(two_channels, monkeypatch, capsys,
                                                                       tmp_path, language, sentence):
    monkeypatch.setenv("CHANNELMGR_LANG", language)
    code = main(["--db", two_channels, "sync"])
    out = capsys.readouterr()
    assert code == 1
    lines = out.out.splitlines()
    assert len(lines) == 2 and [line.split(":")[0].split("：")[0] for line in lines] == ["h1", "h2"]
    for name, line in zip(("h1", "h2"), lines):
        assert sentence.format(name) in line
        assert "ConnectionRefusedError" not in line  # the technical text is for the log
    assert out.err == ""  # no retry lines, no traceback
    log = (tmp_path / "data" / "sync.log").read_text(encoding="utf-8")
    assert "ConnectionRefusedError" in log and "OTA_ReadRQ" in log and "OTA_HotelInvCountNotifRQ" in log


def test_a_damaged_key_file_is_said_as_such_not_as_incomplete_settings(two_channels, monkeypatch, capsys, tmp_path):
    # The owner must restore the key (or set the password again), not go checking addresses.
    key = tmp_path / "data" / "secret.key"
    assert key.exists()
    key.write_bytes(b"not a key at all, edited by hand")
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    code = main(["--db", two_channels, "sync", "--channel", "h1"])
    out = capsys.readouterr()
    assert code == 1 and out.err == ""
    assert "渠道（h1）保存的密码无法解开：密钥文件已损坏或不是本机的" in out.out
    assert "设置不完整" not in out.out
