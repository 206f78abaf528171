"""``channelmgr calendar show|edit`` on the demo homestay: the desktop's checks, headless."""

import json
from datetime import date, timedelta

from channelmgr.cli import main
from tests.support.today import property_today


def _later(days: int) -> str:
    # Far enough from today that the desk's time zone and the property's agree on the dates.
    return (property_today() + timedelta(days=days)).isoformat()


def test_show_and_edit_with_a_dry_run_first(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    first, last = _later(30), _later(36)
    assert main(["--db", sqlite_url, "calendar", "edit", "--from", first, "--to", last, "--types", "LKV,GTW",
                 "--weekdays", "weekends", "--close", "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("4 of 4 cells would change")
    assert main(["--db", sqlite_url, "calendar", "edit", "--from", first, "--to", last, "--types", "LKV,GTW",
                 "--weekdays", "weekends", "--close"]) == 0
    assert capsys.readouterr().out.strip() == "4 cells changed"
    assert main(["--db", sqlite_url, "calendar", "edit", "--from", first, "--to", first, "--types", "LKV",
                 "--price", "688.50", "--plans", "BAR"]) == 0
    capsys.readouterr()
    assert main(["--db", sqlite_url, "calendar", "show", "--from", first, "--days", "7", "--json"]) == 0
    rows = {r["room_type"]: r["nights"] for r in json.loads(capsys.readouterr().out)}
    lake = rows["LKV"]
    assert sum(n["stop_sell"] for n in lake.values()) == 2 and lake[first]["price_minor"] == 68900  # ¥688.50, whole yuan
    assert not any(n["stop_sell"] for n in rows["FAM"].values())
    assert main(["--db", sqlite_url, "calendar", "show", "--from", first, "--days", "7"]) == 0
    assert "stop" in capsys.readouterr().out


def test_a_refused_edit_is_one_clear_line(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    assert main(["--db", sqlite_url, "calendar", "edit", "--from", _later(30), "--to", _later(31),
                 "--rooms-closed", "3"]) == 2
    err = capsys.readouterr().err
    assert "亲子家庭套房 has 2 rooms; 3 cannot be closed" in err and "Traceback" not in err
    assert main(["--db", sqlite_url, "calendar", "edit", "--from", _later(30), "--to", _later(31),
                 "--price", "100", "--plans", "NOPE"]) == 2
    assert "No rate plan NOPE" in capsys.readouterr().err
