"""A believable booking history for a property: for screenshots, trying the reports, benchmarks.

Not loaded by ``init --demo`` (the demo's handful of bookings around today stays as it is);
``bench/bench_reports.py`` and the report screenshots call it. Deterministic for a seed. It keeps
to the rooms there are (never an overbooking, the ledger's existing stays counted), makes a
booking only once its booking day has come (so the future fills up as it would: the pace curve
has something to show), and gives each stay a source with the commission OTAs charge.

Seasons are those of a lake town in Yunnan: summer holidays, the October Golden Week and the
Spring Festival full; late autumn and early spring quiet; Friday and Saturday nights busier.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..db.models import Channel, RatePlan, Reservation, ReservationStatus, Room, RoomType

# source → (share of bookings, commission rate)
SOURCES = {"ctrip": (0.34, 0.15), "meituan": (0.28, 0.10), "booking": (0.10, 0.18),
           "phone": (0.14, 0.0), "wechat": (0.12, 0.0), "walk_in": (0.02, 0.0)}
SEASON = {1: 0.55, 2: 0.85, 3: 0.5, 4: 0.7, 5: 0.8, 6: 0.75, 7: 1.0, 8: 1.0, 9: 0.7, 10: 0.9, 11: 0.45, 12: 0.5}
STAYS = ((1, 0.34), (2, 0.36), (3, 0.17), (4, 0.07), (5, 0.04), (7, 0.02))
GUESTS = ("张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "吴昊", "徐丽", "马超", "朱琳",
          "胡军", "郭晓", "林娜", "何平", "高远", "罗佳", "Anna Schmidt", "Tom Baker", "Sato Yui", "Kim Minji")


@dataclass(frozen=True)
class SampleReport:
    created: int
    cancelled: int


def _season(night: date) -> float:
    factor = SEASON[night.month]
    if night.month == 10 and night.day <= 7:
        factor = 1.15  # Golden Week
    if night.weekday() in (4, 5):
        factor *= 1.25
    return factor


def _pick(rng: random.Random, weighted) -> object:
    x, total = rng.random(), 0.0
    for value, weight in weighted:
        total += weight
        if x < total:
            return value
    return weighted[-1][0]


def add_sample_history(s: Session, property_id: int, start: date, end: date, today: date, occupancy: float = 0.62,
                       seed: int = 2026) -> SampleReport:
    """Bookings for nights in [start, end), as seen on ``today`` (nothing booked after it)."""
    rng = random.Random(seed)
    types = s.execute(select(RoomType.id, RoomType.code).where(RoomType.property_id == property_id,
                                                               ~RoomType.archived)).all()
    counts = dict(s.execute(select(Room.room_type_id, func.count()).where(Room.property_id == property_id)
                            .group_by(Room.room_type_id)).all())
    prices = dict(s.execute(select(RatePlan.room_type_id, RatePlan.base_price_minor)
                            .where(RatePlan.room_type_id.in_([t for t, _c in types]), RatePlan.parent_id.is_(None))).all())
    channels = dict(s.execute(select(Channel.name, Channel.id).where(Channel.property_id == property_id)).all())
    days = (end - start).days
    held = {rid: [0] * days for rid, _c in types}
    for rid, a, d in s.execute(select(Reservation.room_type_id, Reservation.arrival, Reservation.departure)
                               .where(Reservation.property_id == property_id, Reservation.departure > start,
                                      Reservation.arrival < end,
                                      Reservation.status.not_in([ReservationStatus.CANCELLED, ReservationStatus.NO_SHOW]))):
        if rid in held:
            for i in range(max(0, (a - start).days), min(days, (d - start).days)):
                held[rid][i] += 1
    sources = [(k, v[0]) for k, v in SOURCES.items() if k in channels or k in ("phone", "wechat", "walk_in")]
    scale = sum(w for _k, w in sources)
    sources = [(k, w / scale) for k, w in sources]
    average_stay = sum(n * w for n, w in STAYS)
    now = datetime.combine(today, time(4, 0))
    rows, cancelled = [], 0
    for rid, _code in types:
        total = counts.get(rid, 0)
        base = prices.get(rid) or 40000
        for i in range(days):
            arrival = start + timedelta(days=i)
            for _room in range(total):
                if rng.random() >= occupancy * _season(arrival) / average_stay:
                    continue
                nights = min(_pick(rng, STAYS), days - i)
                if any(held[rid][j] >= total for j in range(i, i + nights)):
                    continue
                lead = int(rng.expovariate(1 / 18)) if rng.random() > 0.12 else 0
                created = datetime.combine(arrival - timedelta(days=lead), time(rng.randrange(24), rng.randrange(60)))
                if created > now:
                    continue  # not booked yet on ``today``
                source = _pick(rng, sources)
                amount = sum(round(base * _season(arrival + timedelta(days=k)) * rng.uniform(0.9, 1.1) / 100) * 100
                             for k in range(nights))
                status, updated = ReservationStatus.CONFIRMED, created
                roll = rng.random()
                if roll < 0.08:
                    status, cancelled = ReservationStatus.CANCELLED, cancelled + 1
                    updated = created + (min(now, datetime.combine(arrival, time(0))) - created) * rng.random()
                elif arrival + timedelta(days=nights) <= today:
                    status = ReservationStatus.NO_SHOW if roll < 0.09 else ReservationStatus.CHECKED_OUT
                if status != ReservationStatus.CANCELLED and status != ReservationStatus.NO_SHOW:
                    for j in range(i, i + nights):
                        held[rid][j] += 1
                commission = round(amount * SOURCES[source][1])
                rows.append(dict(
                    property_id=property_id, room_type_id=rid, channel_id=channels.get(source),
                    source="channel" if source in channels else source,
                    remote_id=f"S{len(rows) + 1:06d}" if source in channels else None, arrival=arrival,
                    departure=arrival + timedelta(days=nights), guest_name=rng.choice(GUESTS),
                    amount_minor=amount, commission_minor=commission, status=status, created_at=created,
                    updated_at=updated, currency="CNY"))
    for chunk in range(0, len(rows), 2000):
        s.execute(insert(Reservation), rows[chunk:chunk + 2000])
    return SampleReport(len(rows), cancelled)
