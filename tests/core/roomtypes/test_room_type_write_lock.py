"""A room type saved on a desk while a room types workbook is imported: both changes are kept.

Saving writes the room type's attributes whole, from what it read. On SQLite its read was not
held back (PostgreSQL already locks the row, FOR UPDATE): an import committed between the save's
read and its write was overwritten. Desk A is the real import, held right after it compared its
file with what is stored; desk B is the real RoomTypeService.update, its meeting point between
what it read and what it writes (tests/support/desk_race.py).
"""

from __future__ import annotations

from channelmgr.db.models import RoomType
from channelmgr.excel import service as excel_service
from channelmgr.roomtypes import service as room_type_service
from tests.core.excel.helpers import column_of, edit
from tests.support.desk_race import DeskRace, sqlite_b_waits


def test_a_desk_save_keeps_an_import_committed_meanwhile(services, pid, room_type, actor, tmp_path, monkeypatch):
    exported = tmp_path / "rooms.xlsx"
    services.excel.export_rooms(pid, exported)
    area = edit(exported, {("房型", f"{column_of(exported, 'area_sqm')}3"): "33"}, tmp_path / "area.xlsx")
    lkv = room_type("LKV")
    race = DeskRace(sqlite_b_waits)
    read, meet = excel_service.read_room_types, race.between_plan_and_write(lambda planned: planned)
    monkeypatch.setattr(excel_service, "read_room_types", lambda *args, **kwargs: meet(read(*args, **kwargs)))
    monkeypatch.setattr(room_type_service, "_changes", race.between_plan_and_write(room_type_service._changes))

    results = race.run(lambda: services.excel.import_rooms(pid, area, actor),
                       lambda: services.room_types.update(actor, lkv.id, {"wifi": False}))

    assert results["A"].applied
    with services.db.session() as s:
        attributes = s.get(RoomType, lkv.id).attributes
    assert (attributes["area_sqm"], attributes["wifi"]) == ("33", False), "the save overwrote the import"
