"""Room-type editor: open with every attribute filled, and save; each against its floor, same run.

  open   RoomTypeEditor built for a room type with all catalog attributes filled (photos with
         real files, so thumbnails are requested too), shown, and the events that showing
         posts processed (the first paint). Floor: an empty QDialog of the same size, shown the
         same way. Also reported: the same plus reading the room type from the database first,
         and the time until the tabs the form builds after the first paint are all built.
  save   RoomTypeService.update with the whole typed form (what the editor sends), one field
         changed each time: validation of every attribute, the code check, the audit entry,
         the commit. Floor: a bare DB-API UPDATE of the same row's JSON and commit.

Medians of RUNS after one warm-up. Runs offscreen unless DISPLAY is set. Prints METRIC lines.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
RUNS = 15


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CHANNELMGR_DATA_DIR"] = tmp
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QDialog

        from channelmgr.actor import Actor
        from channelmgr.catalog import ATTRIBUTES
        from channelmgr.demo import load_demo
        from channelmgr.services import Services
        from ui.app import build_context, create_application
        from ui.roomtypes.editor import RoomTypeEditor
        from ui.roomtypes.thumbnails import ThumbnailLoader

        app = create_application([])
        db_path = Path(tmp) / "bench.sqlite3"
        services = Services.open(f"sqlite:///{db_path}")
        load_demo(services.db)
        ctx = build_context(services)
        actor = Actor("bench", "bench")
        full = _fill_everything(services, ctx.property_id, actor)
        assert all(a.key in full.attributes for a in ATTRIBUTES), "every attribute must be filled"
        thumbnails = ThumbnailLoader()

        def shown(make) -> float:
            """Seconds to build and show what `make` returns; then it is closed, untimed."""
            start = time.perf_counter()
            window = make()
            window.show()
            app.processEvents()
            elapsed = time.perf_counter() - start
            thumbnails.wait()  # the thumbnails it asked for must not land in the next run's timing
            app.processEvents()
            window.hide()
            window.deleteLater()
            app.processEvents()
            return elapsed

        def editor_for(detail):
            return RoomTypeEditor(ctx, detail, lang="zh", thumbnails=thumbnails)

        def empty_dialog():
            dialog = QDialog()
            dialog.resize(1040, 760)  # the editor's size
            return dialog

        def all_tabs_built() -> float:
            """Until every tab of the form is built (the rest is built after the first paint)."""
            start = time.perf_counter()
            editor = editor_for(full)
            editor.show()
            while not editor.form.fully_built():
                # Waiting, not spinning: PySide6 6.12 on CPython 3.11 drops a reference to None
                # on every call, so a busy loop of processEvents() ends in "deallocating None".
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
            elapsed = time.perf_counter() - start
            thumbnails.wait()
            app.processEvents()
            editor.hide()
            editor.deleteLater()
            app.processEvents()
            return elapsed

        cold = shown(lambda: editor_for(full))  # first use in the process: styles, fonts, imports
        shown(empty_dialog)
        opens = [shown(lambda: editor_for(full)) for _ in range(RUNS)]
        floors = [shown(empty_dialog) for _ in range(RUNS)]
        fetched = [shown(lambda: editor_for(services.room_types.get(full.id))) for _ in range(RUNS)]
        complete = [all_tabs_built() for _ in range(RUNS)]
        thumbnails.wait()

        form = {a.key: v for a, v in _typed_form(full).items()}
        saves, bare = [], []
        for run in range(RUNS + 1):
            form["summary_en"] = f"Watch the sunrise over Erhai lake, take {run}"
            start = time.perf_counter()
            saved = services.room_types.update(actor, full.id, form, photo_captions=full.photo_captions)
            saves.append(time.perf_counter() - start)
            bare.append(_bare_update(db_path, full.id, saved.attributes))
        saves, bare = saves[1:], bare[1:]

        ctx.db_tasks.wait()
        services.close()

    print(f"METRIC editor_open_first_in_process {cold * 1000:.1f} ms")
    _metric("editor_open_shown_median", opens, "ms")
    _metric("editor_open_floor_empty_dialog", floors, "ms")
    print(f"METRIC editor_open_ratio_to_floor {statistics.median(opens) / statistics.median(floors):.1f} x")
    _metric("editor_open_with_db_read_median", fetched, "ms")
    _metric("editor_all_tabs_built_median", complete, "ms")
    _metric("save_median", saves, "ms")
    _metric("save_floor_bare_update", bare, "ms")
    print(f"METRIC save_ratio_to_floor {statistics.median(saves) / statistics.median(bare):.1f} x")


def _fill_everything(services, property_id, actor):
    """LKV from the demo with the few attributes it leaves empty filled as well."""
    from channelmgr.roomtypes import typed_record

    lkv = services.room_types.find(property_id, "LKV")
    extra = {"second_bed_type": "sofa_bed", "second_bed_count": 1, "second_bed_width_m": "1.2",
             "breakfast": "paid", "breakfast_price": "38", "extra_bed_allowed": True, "extra_bed_price": "100",
             "pet_policy": "暂不接待宠物", "highlights": ["floor_to_ceiling_window", "skylight"]}
    return services.room_types.update(actor, lkv.id, {**typed_record(lkv.attributes), **extra},
                                      photo_captions=lkv.photo_captions)


def _typed_form(detail):
    from channelmgr.catalog import ATTRIBUTES
    from channelmgr.roomtypes import typed_form

    return {a: typed_form(a, detail.attributes.get(a.key)) for a in ATTRIBUTES}


def _bare_update(db_path: Path, room_type_id: int, attributes: dict) -> float:
    payload = json.dumps(attributes, ensure_ascii=False)
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA synchronous=NORMAL")  # as the app's engine sets it
    try:
        start = time.perf_counter()
        connection.execute("UPDATE room_type SET attributes = ?, updated_at = datetime('now') WHERE id = ?",
                           (payload, room_type_id))
        connection.commit()
        return time.perf_counter() - start
    finally:
        connection.close()


def _metric(name: str, seconds: list[float], unit: str) -> None:
    print(f"METRIC {name} {statistics.median(seconds) * 1000:.1f} {unit}")


if __name__ == "__main__":
    main()
