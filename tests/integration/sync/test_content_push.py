"""Listing content through a real sync pass to the sandbox OTA on 127.0.0.1, read back from it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from channelmgr.cli import main
from channelmgr.db.models import ContentAck, SyncLog
from channelmgr.roomtypes.service import RoomTypeService
from channelmgr.sync.sync_log import read_entries
from tests.support.actors import TEST_ACTOR
from tests.support.sync_world import ROOM_CODES, build_world

from .conftest import TODAY

CONTENT = "message:OTA_HotelDescriptiveContentNotif"
PHOTOS = ["https://img.example.com/lkv/cover.jpg", "https://img.example.com/lkv/window.jpg"]


@pytest.fixture
def world(db, ota):
    """The demo homestay on a sandbox channel that takes content (capability content=true)."""
    w = build_world(db, ota, TODAY, content=True)
    yield w
    w.sync.shutdown()


def _sent(world) -> int:
    return world.ota.counters(world.hotel_code).get(CONTENT, 0)


def _content(world) -> dict:
    return world.ota.state(world.hotel_code)["content"]


def _property(world) -> int:
    from channelmgr.inventory.service import InventoryService

    return InventoryService(world.db).property_id(None)


def _edit(world, code: str, **values) -> None:
    rooms = RoomTypeService(world.db)
    rooms.update(TEST_ACTOR, rooms.find(_property(world), code).id, values)


def test_the_sandbox_receives_and_stores_every_mapped_room_type(world):
    _edit(world, "LKV", photos="\n".join(PHOTOS))
    report = world.push()
    assert report.in_sync, report.errors
    assert report.content.requests_planned == len(ROOM_CODES) + 1 == report.content.acknowledged
    assert _sent(world) == len(ROOM_CODES) + 1  # one request per room type, one for the property
    content = _content(world)
    assert sorted(content["rooms"]) == sorted(f"R-{code}" for code in ROOM_CODES)
    lkv = content["rooms"]["R-LKV"]
    assert lkv["name"] == "洱海景观大床房" and lkv["MaxOccupancy"] == 2
    assert lkv["texts"]["zh"]["title"] == "洱海景观大床房" and lkv["texts"]["en"]["title"] == "Lake View King"
    assert "Erhai" in lkv["texts"]["en"]["description"] and "洱海" in lkv["texts"]["zh"]["description"]
    # The one-line summary in both languages and the floor area, as the sandbox read them
    assert lkv["summaries"] == {"zh": "躺在床上看洱海日出", "en": "Watch the sun rise over Erhai lake from your bed"}
    assert lkv["area_sqm"] == "32"
    assert lkv["beds"] == [3] and lkv["view"] == 8           # King bed, Lake view
    assert 123 in lkv["amenities"] and 2 in lkv["amenities"]  # Wi-Fi, air conditioning
    assert lkv["photos"] == PHOTOS                            # the demo's own photos are local files: not sent
    assert content["property"]["check_in"] == "14:00:00" and content["property"]["check_out"] == "12:00:00"
    with world.db.session() as s:
        assert s.scalar(select(SyncLog.result).where(SyncLog.message == "OTA_HotelDescriptiveContentNotifRQ")
                        .limit(1)) == "ok"
        assert len(s.scalars(select(ContentAck)).all()) == len(ROOM_CODES) + 1


def test_a_second_pass_sends_nothing_and_a_changed_description_only_its_room_type(world):
    world.push()
    first = _sent(world)
    again = world.push()
    assert _sent(world) == first and again.content.requests_planned == 0
    assert again.content_line("en") == "content unchanged"

    _edit(world, "GTW", description_en="Two beds by the courtyard's old pear tree.")
    preview = world.sync.dry_run(world.channel_id)
    assert preview.content.room_types == 1 and not preview.content.property_part
    assert preview.content_line("en").startswith("content: 1 room type(s)")
    assert _sent(world) == first  # a dry run sends nothing
    report = world.push()
    assert report.in_sync and _sent(world) == first + 1
    assert _content(world)["rooms"]["R-GTW"]["texts"]["en"]["description"] == "Two beds by the courtyard's old pear tree."


def test_what_has_no_code_is_counted_in_the_dry_run_not_sent(world):
    preview = world.sync.dry_run(world.channel_id)
    line = preview.content_line("en")
    assert f"content: {len(ROOM_CODES)} room type(s)" in line and "property details" in line
    assert f"{len(preview.content.not_carried)} attribute(s) not carried" in line
    assert "smart_lock" in preview.content.not_carried and "wifi" not in preview.content.not_carried
    assert "photo(s) on this computer only, not sent" in line  # the demo's photos are files here
    assert preview.content_line("zh").startswith(f"房型内容：{len(ROOM_CODES)} 个房型")
    world.push()
    for room in _content(world)["rooms"].values():
        assert room["photos"] == []  # no local file path was ever sent as a photo


def test_a_refusal_is_a_failure_with_a_clear_message_and_nothing_is_marked_sent(world):
    world.channels.map(TEST_ACTOR, world.channel_id, room_type="FAM", remote_room="R-NOPE")
    report = world.push()
    assert not report.in_sync and report.pending_content == 1
    [error] = [e for e in report.errors if "Content" in e]  # the ARI for R-NOPE is refused too
    assert error.startswith("room type FAM: OTA_HotelDescriptiveContentNotifRQ: refused:")
    assert "unknown room type code 'R-NOPE'" in error
    assert "R-FAM" not in _content(world)["rooms"]  # refused whole: not even the code the OTA knows
    with world.db.session() as s:
        parts = set(s.scalars(select(ContentAck.part)))
        fam = RoomTypeService(world.db).find(_property(world), "FAM").id
        assert f"room_type:{fam}" not in parts and len(parts) == len(ROOM_CODES)
        [entry] = [e for e in read_entries(s, _property(world), result="rejected") if "Content" in e.message]
        assert entry.error.startswith("room type FAM: refused:") and "'R-NOPE'" in entry.error
    # The scheduler's passes hold the refused part back (the same content would be refused again),
    # still pending and still saying why; a push by hand tries it again.
    before = _sent(world)
    held = world.sync.push(world.channel_id, actor=TEST_ACTOR, retry_refused=False).result(timeout=60)
    assert _sent(world) == before and held.pending_content == 1 and not held.in_sync
    assert any("room type FAM" in e and "R-NOPE" in e for e in held.errors)
    assert "refused earlier" in held.content_line("en")
    assert world.push().pending_content == 1 and _sent(world) == before + 1
    world.channels.unmap(TEST_ACTOR, world.channel_id, room_type="FAM")
    world.channels.map(TEST_ACTOR, world.channel_id, room_type="FAM", remote_room="R-FAM")
    assert world.push().in_sync and "R-FAM" in _content(world)["rooms"]


def test_an_unmapped_room_type_is_warned_and_not_sent(world):
    for plan in ("BAR", "BB"):
        world.channels.unmap(TEST_ACTOR, world.channel_id, room_type="CQN", rate_plan=plan)
    world.channels.unmap(TEST_ACTOR, world.channel_id, room_type="CQN")
    preview = world.sync.dry_run(world.channel_id)
    [warning] = [w for w in preview.warnings if w.code == "content_unmapped"]
    assert warning.room_type == "CQN" and "content is not sent" in warning.text
    assert preview.content.room_types == len(ROOM_CODES) - 1
    world.push()
    assert "R-CQN" not in _content(world)["rooms"]


def test_a_channel_without_the_content_capability_gets_none_and_the_dry_run_says_so(db, ota, sqlite_url, capsys,
                                                                                   monkeypatch):
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    w = build_world(db, ota, TODAY)  # the generic profile: content=false
    try:
        preview = w.sync.dry_run(w.channel_id)
        assert preview.content is not None and not preview.content.taken
        assert "not taken by this channel" in preview.content_line("en")
        assert w.push().in_sync
        capsys.readouterr()
        assert main(["--db", sqlite_url, "channel", "push-content", "sandbox"]) == 1
        assert "不接收房型内容（content=false），未发送" in capsys.readouterr().out
        assert _sent(w) == 0 and w.ota.state(w.hotel_code)["content"]["rooms"] == {}
    finally:
        w.sync.shutdown()


def test_a_full_resync_sends_the_content_again(world):
    world.push()
    first = _sent(world)
    world.sync.full_resync(world.channel_id, actor=TEST_ACTOR).result(timeout=60)
    assert _sent(world) == 2 * first


def test_push_content_forces_every_part_and_its_dry_run_shows_it(world, sqlite_url, capsys, monkeypatch):
    world.push()
    first = _sent(world)
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    assert main(["--db", sqlite_url, "channel", "push-content", "sandbox", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"content: {len(ROOM_CODES)} room type(s)" in out and _sent(world) == first
    assert out.startswith(f"sandbox (dry run): listing content → {first} request(s)")  # not "0 cells"
    assert main(["--db", sqlite_url, "channel", "push-content", "sandbox"]) == 0
    out = capsys.readouterr().out
    assert f"in sync — {first} request(s) of listing content" in out and _sent(world) == 2 * first
    assert "cells acknowledged" not in out
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")
    # The CLI runs on the real clock, not the world's pinned day: only its content line is compared.
    main(["--db", sqlite_url, "sync", "--dry-run", "--channel", "sandbox"])
    assert "  房型内容未变\n" in capsys.readouterr().out


def test_content_xml_cannot_carry_fails_that_room_type_only(world):
    from sqlalchemy import update

    from channelmgr.db.models import RoomType

    with world.db.session() as s:  # as an older desk might have stored it, past today's validation
        attributes = dict(s.scalar(select(RoomType.attributes).where(RoomType.code == "RTS")))
        attributes["description_en"] = "Roof\x0bterrace"
        s.execute(update(RoomType).where(RoomType.code == "RTS").values(attributes=attributes))
    report = world.push()
    [error] = [e for e in report.errors if "RTS" in e]
    assert error.startswith("room type RTS: its content cannot be written as OpenTravel XML")
    assert report.pending_content == 1 and "R-RTS" not in _content(world)["rooms"]
    assert len(_content(world)["rooms"]) == len(ROOM_CODES) - 1  # the others went on


def test_a_changed_summary_or_area_is_previewed_then_sent_and_stored(world):
    world.push()
    first = _sent(world)
    _edit(world, "GTW", summary_en="Two beds under the old pear tree", area_sqm="27.5")
    preview = world.sync.dry_run(world.channel_id)
    assert preview.content.room_types == 1 and (preview.content.summaries, preview.content.areas) == (1, 1)
    assert "1 summary(ies), 1 floor area(s)" in preview.content_line("en")
    assert "1 条简介，1 个面积" in preview.content_line("zh")
    assert _sent(world) == first  # a dry run sends nothing
    assert world.push().in_sync and _sent(world) == first + 1
    gtw = _content(world)["rooms"]["R-GTW"]
    assert gtw["summaries"]["en"] == "Two beds under the old pear tree" and gtw["area_sqm"] == "27.5"
    assert gtw["summaries"]["zh"] == "推门就是开满三角梅的小院"  # the other language as it was
