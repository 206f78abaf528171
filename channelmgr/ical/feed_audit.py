"""The drift audit of an iCal channel: the nights its feed shows taken against our bookings from it.

An iCal channel publishes no price, restriction or count — only which nights are taken — and the
feed poll (``feed_poll``) already reconciles that whole feed into bookings on every poll: each
event becomes a booking of the channel keyed by its UID, a vanished event cancels it. So in the
steady state there is nothing to compare. What the audit checks is that this reconciliation did
happen, night by night, over the channel's horizon:

* a night the feed shows taken while we have **no booking from the channel** on it **and still
  sell** the room type (``blocked``: ours no, theirs yes) — the double-booking risk; the poll has
  not applied the feed (it keeps failing, or the feed was refused, or it was cancelled here by hand);
* a night we hold a booking from the channel that its feed **no longer shows** (ours yes, theirs
  no) — a cancellation not applied yet, a room we keep closed for nothing.

"Accept theirs" for such a drift is importing the feed now; "push again" does not exist (the
channel downloads our export feed on its own schedule). Our own exported events read back
through a host that mirrors them are left out, as the import leaves them out.
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..channels.errors import Failure, FailureKind
from ..db.base import utcnow
from ..db.engine import Database
from ..db.models import ChannelMapping, Property, Reservation, RoomType
from ..errors import UserError
from ..inventory.availability import HOLDING_STATUSES, load_snapshot
from ..sync.channels import ChannelConfig
from ..sync.drift import BLOCKED, AuditReport, AuditStatus, Drift
from .feed_import import is_own_event
from .fetch import FeedDownloadError, fetch_if_changed
from .parse import parse_feed

KIND = "taken"  # the key kind of an iCal night: ("taken", room type code, "", 0)


def feed_audit(db: Database, channel: ChannelConfig, today: date, *, session=None,
               timeout=(5.0, 30.0)) -> AuditReport:
    base = dict(channel_id=channel.id, channel=channel.name)
    if not channel.endpoint:
        return AuditReport(status=AuditStatus.CANNOT_READ_BACK, at=utcnow(),
                           reason="the feed was imported from a file: there is no URL to read it back from",
                           reason_zh="该日历是从文件导入的：没有可读取的网址", **base)
    end = today + timedelta(days=channel.settings.sent_horizon_days)
    with db.session() as s:
        code, type_id = s.execute(select(RoomType.code, RoomType.id).join(
            ChannelMapping, ChannelMapping.room_type_id == RoomType.id)
            .where(ChannelMapping.channel_id == channel.id)).first() or (None, None)
        prop = s.get(Property, channel.property_id)
        tz, prop_code = ZoneInfo(prop.timezone), prop.code
    if code is None:
        return AuditReport(status=AuditStatus.FAILED, at=utcnow(), start=today, end=end,
                           failure=Failure(FailureKind.CONFIG, "the iCal channel is not mapped to a room type"), **base)
    try:
        fetched = fetch_if_changed(channel.endpoint, session=session, timeout=timeout)
        events = parse_feed(fetched.body or b"", tz, channel.endpoint)
    except FeedDownloadError as exc:
        return AuditReport(status=AuditStatus.FAILED, at=utcnow(), start=today, end=end,
                           failure=Failure(exc.kind, str(exc)), **base)
    except UserError as exc:  # the parser refused the feed: nothing compared
        return AuditReport(status=AuditStatus.FAILED, at=utcnow(), start=today, end=end,
                           failure=Failure(FailureKind.BAD_REPLY, str(exc)), **base)
    theirs = _nights({(e.start, e.end) for e in events if not is_own_event(e.uid, prop_code)}, today, end)
    with db.session() as s:
        stays = s.execute(select(Reservation.arrival, Reservation.departure).where(
            Reservation.channel_id == channel.id, Reservation.status.in_(HOLDING_STATUSES),
            Reservation.arrival < end, Reservation.departure > today)).all()
        snapshot = load_snapshot(s, channel.property_id, today, end, lambda *_: {}, today, room_type_ids=[type_id])
    ours = _nights(set(stays), today, end)
    selling = {day.night: cell.rooms_to_sell for day, cell in zip(snapshot.days, snapshot.cells[0])}
    key = (KIND, code, "", 0)
    drifts = [Drift(channel.name, code, None, key, night, BLOCKED, False, True)
              for night in sorted(theirs - ours) if selling.get(night, 0) > 0]
    drifts += [Drift(channel.name, code, None, key, night, BLOCKED, True, False) for night in sorted(ours - theirs)]
    drifts.sort(key=lambda d: d.night)
    status = AuditStatus.DIFFERENCES if drifts else AuditStatus.CLEAN
    return AuditReport(status=status, at=utcnow(), start=today, end=end, cells_compared=(end - today).days,
                       differences=tuple(drifts), **base)


def _nights(stays: set[tuple[date, date]], start: date, end: date) -> set[date]:
    nights: set[date] = set()
    for arrival, departure in stays:
        first, stop = max(arrival, start), min(departure, end)
        nights.update(first + timedelta(days=i) for i in range((stop - first).days))
    return nights
