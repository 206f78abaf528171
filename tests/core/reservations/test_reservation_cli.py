"""``channelmgr reservation …`` against the demo homestay and a ledger with a channel."""

import json
from datetime import date, timedelta

from channelmgr.cli import main
from channelmgr.db.engine import open_database
from channelmgr.reservations.service import ReservationService
from tests.support.ledger import CHANNEL, build_ledger_hotel, booking
from tests.support.today import property_today


def run(url, *args) -> int:
    return main(["--db", url, "reservation", *args])


def test_add_list_cancel_on_the_demo(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    arrival = (property_today() + timedelta(days=40)).isoformat()
    assert run(sqlite_url, "add", "--room-type", "RTS", "--arrival", arrival, "--nights", "2", "--guest", "刘洋",
               "--phone", "13900000000", "--amount", "2176", "--source", "wechat", "--json") == 0
    [added] = json.loads(capsys.readouterr().out)
    assert (added["guest_name"], added["amount_minor"], added["source"], added["room_number"]) == (
        "刘洋", 217600, "wechat", "305")
    assert run(sqlite_url, "add", "--room-type", "RTS", "--arrival", arrival, "--guest", "甲") == 0
    capsys.readouterr()
    # Both suites are taken that night now: a third booking is refused in one clear line.
    assert run(sqlite_url, "add", "--room-type", "RTS", "--arrival", arrival, "--guest", "乙") == 2
    err = capsys.readouterr().err
    assert err.startswith("channelmgr: error:") and "would overbook" in err and arrival in err

    assert run(sqlite_url, "list", "--from", arrival, "--status", "confirmed", "--json") == 0
    assert sorted(r["guest_name"] for r in json.loads(capsys.readouterr().out)) == ["刘洋", "甲"]
    assert run(sqlite_url, "cancel", str(added["id"])) == 0
    assert "Cancelled" in capsys.readouterr().out
    assert run(sqlite_url, "list", "--search", "1390000", "--status", "cancelled") == 0
    assert "刘洋" in capsys.readouterr().out


def test_attention_and_overbookings(sqlite_url, capsys):
    db = open_database(sqlite_url)
    hotel = build_ledger_hotel(db)
    ledger = ReservationService(db)
    later = property_today() + timedelta(days=30)
    ledger.ingest(hotel.channel_id, [booking("C-1", arrival=later), booking("C-2", arrival=later),
                                     booking("C-3", arrival=later), booking("C-9", room="KING", arrival=later)], CHANNEL)
    db.dispose()
    assert run(sqlite_url, "attention", "--json") == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["remote_id"] == "C-9" and "not mapped" in entry["problem"] and entry["raw"]["rooms"]
    assert run(sqlite_url, "overbookings") == 0
    out = capsys.readouterr().out
    assert "DBL\toverbooked\t3 booked for 2 rooms" in out and "last → #3" in out and "upgrade to: STE" in out
    assert run(sqlite_url, "overbookings", "--json") == 0
    conflicts = json.loads(capsys.readouterr().out)
    assert len(conflicts) == 2 and conflicts[0]["last"]["remote_id"] == "C-3"
