"""What a channel's capability profile costs the desired state (issue 12, capability matrix).

The demo homestay on a real SQLite file, 730 nights, minimum stays typed the way owners type them
(2 on every Friday and Saturday, 3–5 on holiday weeks, a 7 here and there), CTD on some nights.
Timed: ``desired_state`` for one channel on the Airbnb profile (min stay translated to
arrival-based, CTD dropped and counted, one line of notes) against the floor, the same channel on
the generic profile (everything sent as it is), in the same run. Best of 7 runs each, interleaved.

Prints ``METRIC name value unit`` lines.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.TemporaryDirectory()
os.environ["CHANNELMGR_DATA_DIR"] = TMP.name  # the vault key of this run, not the user's

from sqlalchemy import delete, select  # noqa: E402

from channelmgr.actor import Actor  # noqa: E402
from channelmgr.db.engine import open_database  # noqa: E402
from channelmgr.db.models import CalendarDay, Channel, RoomType  # noqa: E402
from channelmgr.demo import load_demo  # noqa: E402
from channelmgr.sync.channels import ChannelService, load_channel_config  # noqa: E402
from channelmgr.sync.desired import desired_state  # noqa: E402

TODAY = date(2026, 6, 1)
HORIZON = 730
RUNS = 7


def metric(name: str, value: float, unit: str) -> None:
    print(f"METRIC {name} {value:.4g} {unit}", flush=True)


def _calendar(db) -> None:
    with db.session() as s:
        s.execute(delete(CalendarDay))
        for type_id in s.scalars(select(RoomType.id)):
            for i in range(HORIZON):
                night = TODAY + timedelta(days=i)
                minimum = 2 if night.weekday() in (4, 5) else None
                if i % 91 < 7:
                    minimum = 3 + i % 3  # a holiday week
                if i % 133 == 0:
                    minimum = 7
                ctd = i % 17 == 0
                if minimum or ctd:
                    s.add(CalendarDay(room_type_id=type_id, night=night, min_stay=minimum, closed_to_departure=ctd))


def _timed(db, channel_id) -> tuple[float, object]:
    with db.session() as s:
        channel = load_channel_config(s, channel_id)
        started = time.perf_counter()
        state = desired_state(s, channel, TODAY)
        return time.perf_counter() - started, state


def main() -> None:
    db = open_database(f"sqlite:///{TMP.name}/bench.db")
    load_demo(db, today=TODAY)
    _calendar(db)
    channels = ChannelService(db)
    with db.session() as s:
        channel_id = s.scalar(select(Channel.id).where(Channel.name == "booking"))
    actor = Actor("bench", "bench")
    channels.update(actor, channel_id, settings={"horizon_days": str(HORIZON)})
    floor = seconds = float("inf")
    for _ in range(RUNS):  # interleaved, so a warmer cache favours neither
        channels.update(actor, channel_id, settings={"profile": "generic"})
        run, plain = _timed(db, channel_id)
        floor = min(floor, run)
        channels.update(actor, channel_id, settings={"profile": "airbnb"})
        run, translated = _timed(db, channel_id)
        seconds = min(seconds, run)
    assert plain.notes == [] and translated.notes, "the airbnb profile must say what it changes"
    print("# " + "; ".join(note.text() for note in translated.notes))
    metric("capabilities_desired_state_generic", floor * 1000, "ms")
    metric("capabilities_desired_state_airbnb", seconds * 1000, "ms")
    metric("capabilities_desired_state_ratio", seconds / floor, "x")
    db.dispose()


if __name__ == "__main__":
    main()
