"""Serving our iCal export feeds over HTTP, each at an unguessable URL, for OTAs and the LAN.

Airbnb, Tujia or Vrbo import a host's calendar from a URL they poll every few hours. The URL is
the only secret (iCal has no login), so each feed's path carries a token: HMAC-SHA256 of the
feed's key (property, room type, room) under a random 32-byte key kept in ``ical-feeds.key`` in
the data folder (0600). The same key gives the same URLs after a restart — an OTA keeps polling
the URL it was given — and deleting the file revokes every URL at once. Anything else (a wrong
token, a listing of the folder, a POST) is a bare 404/405 that says nothing about what exists.

The feed is built afresh on every request from the database, so it is never stale.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlalchemy import select

from ..db.engine import Database
from ..db.models import Property, Room, RoomType
from .service import IcalExportService

log = logging.getLogger(__name__)

KEY_FILE = "ical-feeds.key"
TOKEN_CHARS = 32  # 128 bits of the HMAC, in hex


@dataclass(frozen=True)
class PublishedFeed:
    property_id: int
    room_type: str
    room: str | None
    path: str  # "/ical/<token>.ics"


def feed_key(folder: Path) -> bytes:
    """The secret behind the URLs, created on first use and readable by this user only."""
    path = folder / KEY_FILE
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except FileNotFoundError:
        pass
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(key)
    return key


def published_feeds(db: Database, key: bytes) -> list[PublishedFeed]:
    """Every room type and room of every property, each with its feed's path."""
    feeds = []
    with db.session() as s:
        for prop_id, prop_code, rt_code, rt_id in s.execute(
                select(Property.id, Property.code, RoomType.code, RoomType.id)
                .join(RoomType, RoomType.property_id == Property.id).order_by(Property.code, RoomType.sort_order)):
            feeds.append(_feed(key, prop_id, prop_code, rt_code, None))
            for number in s.scalars(select(Room.number).where(Room.room_type_id == rt_id).order_by(Room.number)):
                feeds.append(_feed(key, prop_id, prop_code, rt_code, number))
    return feeds


def _feed(key: bytes, property_id: int, property_code: str, room_type: str, room: str | None) -> PublishedFeed:
    name = "/".join(p for p in (property_code, room_type, room) if p is not None)
    token = hmac.new(key, name.encode(), hashlib.sha256).hexdigest()[:TOKEN_CHARS]
    return PublishedFeed(property_id, room_type, room, f"/ical/{token}.ics")


class FeedServer:
    """``start()`` serves in a daemon thread; ``url_of`` gives a feed's full URL."""

    def __init__(self, db: Database, export: IcalExportService, key: bytes, host: str = "127.0.0.1", port: int = 0):
        self.db, self.export, self.key = db, export, key
        self._server = ThreadingHTTPServer((host, port), self._handler())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return host, port

    def url_of(self, feed: PublishedFeed, host: str | None = None) -> str:
        bound, port = self.address
        return f"http://{host or bound}:{port}{feed.path}"

    def start(self) -> None:
        self._thread = threading.Thread(target=self._server.serve_forever, name="ical-feeds", daemon=True)
        self._thread.start()

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def close(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
        self._server.server_close()

    def _body_for(self, path: str) -> bytes | None:
        # Looked up afresh: a room type added while serving gets its URL at once.
        for feed in published_feeds(self.db, self.key):
            if hmac.compare_digest(feed.path, path):
                return self.export.room_type_feed(feed.property_id, feed.room_type, feed.room)
        return None

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "channelmgr"
            sys_version = ""

            def do_GET(self):
                try:
                    body = server._body_for(self.path.split("?", 1)[0])
                except Exception:  # a database error: say so without a traceback to the caller
                    log.exception("iCal feed %s failed", self.path[:12])
                    self._reply(500, b"")
                    return
                if body is None:
                    self._reply(404, b"")
                    return
                self._reply(200, body, "text/calendar; charset=utf-8")

            def do_POST(self):
                self._reply(405, b"")

            do_PUT = do_DELETE = do_POST

            def _reply(self, status: int, body: bytes, content_type: str = "text/plain") -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, fmt, *args):
                # Never the request line: the path is the secret. (args: request line, status, size)
                log.info("iCal feed request from %s answered %s", self.client_address[0],
                         args[1] if len(args) > 1 else "-")

        return Handler
