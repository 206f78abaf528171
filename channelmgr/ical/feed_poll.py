"""Polling iCal channels' feed URLs: conditional GET, then one all-or-nothing import.

The validators (ETag, Last-Modified) of each feed's last good reply, and a digest of its bytes for
hosts that send no validators, are kept in memory, per channel and URL: after a restart the first poll downloads the feed whole, which is harmless (the
import of an unchanged feed changes nothing). A feed that fails to download or is refused by
the parser changes nothing — the last good state stays — and the failure goes to the caller,
which shows it like any channel failure.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import date

import requests
from sqlalchemy import select

from ..actor import Actor
from ..channels.errors import Failure, FailureKind
from ..db.engine import Database
from ..db.models import ChannelMapping, RoomType
from ..errors import UserError
from ..security.roles import Permission, requires
from .channel_adapter import CHANNEL_PREFIX
from .feed_import import FeedImport, import_feed
from .fetch import FeedDownloadError, fetch_if_changed


@dataclass(frozen=True)
class PollResult:
    imported: FeedImport | None = None  # None with no failure: not modified (304)
    failure: Failure | None = None


class FeedPoller:
    def __init__(self, db: Database):
        self.db = db
        self._validators: dict[tuple[int, str], tuple[str | None, str | None]] = {}
        self._digests: dict[tuple[int, str], bytes] = {}
        self._lock = threading.Lock()

    @requires(Permission.RESERVATIONS)  # the feed's events become bookings (the pull's system actor may)
    def poll(self, channel_id: int, channel_name: str, property_id: int, url: str, actor: Actor, today: date, *,
             session: requests.Session | None = None, timeout=(5.0, 30.0)) -> PollResult:
        key = (channel_id, url)
        with self._lock:
            etag, modified = self._validators.get(key, (None, None))
        try:
            fetched = fetch_if_changed(url, etag=etag, last_modified=modified, session=session, timeout=timeout)
            if fetched.body is None:
                return PollResult()
            digest = hashlib.sha256(fetched.body).digest()
            with self._lock:
                if self._digests.get(key) == digest:
                    # The same bytes as the last import: parsing them (most of an import's time)
                    # would only find every event unchanged.
                    return PollResult()
            imported = import_feed(self.db, property_id, self._room_type(channel_id), _feed_name(channel_name),
                                   fetched.body, actor, today, url)
        except FeedDownloadError as exc:
            return PollResult(failure=Failure(exc.kind, str(exc)))
        except UserError as exc:  # the parser or the import refused the feed: nothing changed
            return PollResult(failure=Failure(FailureKind.BAD_REPLY, str(exc)))
        with self._lock:  # only a feed we applied may be skipped next time
            self._validators[key] = (fetched.etag, fetched.last_modified)
            self._digests[key] = digest
        return PollResult(imported)

    def _room_type(self, channel_id: int) -> str:
        with self.db.session() as s:
            code = s.scalar(select(RoomType.code).join(ChannelMapping, ChannelMapping.room_type_id == RoomType.id)
                            .where(ChannelMapping.channel_id == channel_id))
        if code is None:
            raise UserError("the iCal channel is not mapped to a room type", "该 iCal 渠道未对应任何房型")
        return code


def _feed_name(channel_name: str) -> str:
    return channel_name.removeprefix(CHANNEL_PREFIX)
