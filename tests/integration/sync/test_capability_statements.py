"""A channel's capabilities over real HTTP: what the sandbox ends up holding, and the plain
statement of what was left out or translated, in the dry run and in the sync log of the push."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select

from channelmgr.db.models import CalendarDay, RoomType, SyncLog
from channelmgr.sync.capability_notes import notes_line

LINE = ("sandbox: min stay sent as arrival-based (raised on 1 night so no stay sold breaks a later night's "
        "minimum); 20 nights beyond its 40-day horizon not sent; CTD not supported, 6 nights skipped")


def _calendar(world):
    """GTW: min 3 on days 10–12, CTD on days 20–23; FAM: CTD on days 20–21; nothing else."""
    night = lambda days: world.today + timedelta(days=days)  # noqa: E731
    with world.db.session() as s:
        s.execute(delete(CalendarDay))
        types = dict(s.execute(select(RoomType.code, RoomType.id)).all())
        s.add_all([CalendarDay(room_type_id=types["GTW"], night=night(d), min_stay=3) for d in (10, 11, 12)])
        s.add_all([CalendarDay(room_type_id=types["GTW"], night=night(d), closed_to_departure=True)
                   for d in (20, 21, 22, 23)])
        s.add_all([CalendarDay(room_type_id=types["FAM"], night=night(d), closed_to_departure=True) for d in (20, 21)])
    return night


def test_airbnb_profile_dry_run_push_and_log_say_the_same(world):
    night = _calendar(world)
    world.set_settings(profile="airbnb", max_horizon_days=40)  # the world's channel sends 60 days
    preview = world.sync.dry_run(world.channel_id)
    assert preview.capabilities_line() == LINE
    assert preview.to_json()["capabilities_line"] == LINE
    assert world.ota.counters("H1") == {}  # a dry run sends nothing

    report = world.push()
    assert report.errors == () and report.in_sync and report.capabilities_line() == LINE
    remote = world.remote()
    assert max(key[3] for key in remote) == night(39)  # the channel's 40 days, not our 60
    stays = {key[3]: value[3] for key, value in remote.items() if key[:3] == ("restriction", "R-GTW", "BAR")}
    assert [stays[night(d)] for d in (8, 9, 10, 11, 12, 13)] == [1, 3, 3, 3, 3, 1]  # arrival-based
    assert not any(value[2] for key, value in remote.items() if key[0] == "restriction")  # no CTD reached it
    assert remote == world.desired()

    pid = _property(world)
    log = world.sync.log(pid, channel="sandbox")
    notes = [entry for entry in log if entry.result == "note"]
    assert [(n.message, n.error) for n in notes] == [("capabilities", LINE)]
    assert len(log) == 1 + report.requests_sent

    again = world.push()  # nothing left to send: no request, no new log row
    assert again.requests_sent == 0 and len(world.sync.log(pid, channel="sandbox")) == len(log)


def test_the_log_keeps_the_notes_codes_so_each_reader_words_them_in_its_language(world):
    _calendar(world)
    world.set_settings(profile="airbnb", max_horizon_days=40)
    report = world.push()
    assert report.in_sync
    with world.db.session() as s:  # what the row holds: codes and counts, not a phrase
        stored = s.scalars(select(SyncLog.notes).where(SyncLog.result == "note")).all()
    assert stored == [[
        {"code": "min_stay_translated", "nights": 1, "detail": "arrival", "limit": 0},
        {"code": "beyond_horizon", "nights": 20, "detail": "", "limit": 40},
        {"code": "restriction_unsupported", "nights": 6, "detail": "ctd", "limit": 0},
    ]]
    [note] = [entry for entry in world.sync.log(_property(world), channel="sandbox") if entry.result == "note"]
    assert note.notes == report.capabilities and note.error == LINE  # the English line kept for the CSV
    assert notes_line(note.channel, note.notes, "zh") == (
        "sandbox：最少入住按入住日发送（1 晚已调高，以免售出的住宿违反其后某晚的最少入住）；"
        "超出其 40 天可售期的 20 晚未发送；不支持禁止离店（CTD），6 晚未发送")
    assert all(entry.notes == () for entry in world.sync.log(_property(world)) if entry.result != "note")


def test_generic_channel_pushes_as_before_without_a_statement(world):
    _calendar(world)
    report = world.push()
    assert report.in_sync and report.capabilities == () and report.capabilities_line() == ""
    assert {entry.result for entry in world.sync.log(_property(world), channel="sandbox")} == {"ok"}


def _property(world) -> int:
    from channelmgr.inventory.service import InventoryService

    return InventoryService(world.db).property_id(None)


def test_the_csv_export_speaks_the_desk_s_language_in_its_headers_and_notes(world, tmp_path):
    import csv

    from channelmgr.sync.sync_log import CSV_HEADERS

    _calendar(world)
    world.set_settings(profile="airbnb", max_horizon_days=40)
    assert world.push().in_sync
    entries = world.sync.log(_property(world), channel="sandbox")
    note = next(entry for entry in entries if entry.result == "note")

    def rows(language):
        target = tmp_path / f"log-{language}.csv"
        assert world.sync.export_log(entries, target, language=language) == len(entries)
        with open(target, encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))

    zh = rows("zh")
    assert zh[0] == [CSV_HEADERS[name] for name in ("id", "at", "channel", "message", "cells", "ranges", "bytes",
                                                     "latency_ms", "attempts", "result", "http_status",
                                                     "acknowledged_cells", "error")]
    assert zh[0][1] == "时间（UTC）" and zh[0][-1] == "错误或说明"
    [noted] = [row for row in zh[1:] if row[0] == str(note.id)]
    assert noted[-1] == notes_line("sandbox", note.notes, "zh") and noted[-1].startswith("sandbox：最少入住按入住日发送")
    en = rows("en")
    assert en[0][:3] == ["id", "at", "channel"]  # the field names an English export always had
    assert [row for row in en[1:] if row[0] == str(note.id)][0][-1] == LINE
