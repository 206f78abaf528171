"""The sandbox OTA's HTTP face: a real local server speaking OpenTravel ARI notifications.

Routes (``{hotel}`` is a listing's hotel code, URL-encoded):

* ``POST /ota/{hotel}/OTA_HotelInvCountNotif`` · ``…/OTA_HotelAvailNotif`` · ``…/OTA_HotelRateAmountNotif``
  — HTTP Basic auth per listing; so a channel's endpoint is ``{url}/ota/{hotel}``.
* ``GET /`` and ``GET /listing/{hotel}?start=YYYY-MM-DD&days=N`` — HTML grids for a person.
* ``GET /api/state/{hotel}`` — JSON state and counters, for tests and benchmarks.
* ``GET /api/faults`` / ``POST /api/faults`` with ``{"seed": 1, "rules": [{"kind": "error", "ratio": 0.2}]}``.
* ``POST /ota/{hotel}/OTA_Read`` (→ ``OTA_ResRetrieveRS``) and ``…/OTA_NotifReport`` — the reservation
  pull, same Basic auth (see ``bookings.py``).
* ``POST /ota/{hotel}/OTA_HotelDescriptiveContentNotif`` — listing content, checked and stored per
  room (see ``content_processing.py``); read back under ``"content"`` in ``/api/state/{hotel}``.
* ``POST /ota/{hotel}/OTA_HotelAvailGet`` and ``…/OTA_HotelRatePlan`` — what the listing shows, read
  back by the drift audit, same Basic auth (see ``read_back.py``).
* ``POST /api/book/{hotel}`` with ``{"room": "DBL", "rate": "BAR", "arrival": "2026-06-10",
  "departure": "2026-06-12", "given_name": "小明", "surname": "王", "amount_minor": 77600}`` → 201 (``commission_minor`` is
  the listing's ``commission_percent`` of the amount unless given)
  ``{"remote_id": …}``; ``POST /api/cancel/{hotel}`` with ``{"remote_id": …}``; ``GET /api/bookings/{hotel}``.
  A guest booking on the OTA, so no channel credentials: like ``/api/faults`` it is the test's hand.
* ``GET /ical/{hotel}/{room}.ics`` — the listing room's bookings as an iCal feed, as Airbnb or Tujia
  publish one (see ``ical_feed.py``): what an iCal channel polls.
* ``/channex/{hotel}/api/v1/…`` — the same listing as a Channex-style JSON hub (availability and
  restrictions pushed and read back, the booking revisions feed and its acks; ``channex_api.py``),
  the API key in ``user-api-key``; so a channex channel's endpoint is ``{url}/channex/{hotel}``.

Listens on 127.0.0.1 by default: it is a test double with demo credentials, not a service.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Iterable, Sequence
from urllib.parse import parse_qs, unquote, urlsplit

from channelmgr.channels.sandbox import bookings as booking_desk
from channelmgr.channels.sandbox import channex_api
from channelmgr.channels.sandbox import content_processing as content_desk
from channelmgr.channels.sandbox import read_back
from channelmgr.channels.sandbox.faults import FaultPlan, FaultRule
from channelmgr.channels.sandbox.ical_feed import room_feed
from channelmgr.channels.sandbox.listings import ListingConfig
from channelmgr.channels.sandbox.notif_processing import SPECS, process_notif, render_response, request_issue
from channelmgr.channels.sandbox.pages import index_page, listing_page
from channelmgr.channels.sandbox.state import ListingState

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_GRID_DAYS = 400

_GARBAGE = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
_HOSTILE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b']>\n<OTA_HotelAvailNotifRS xmlns="http://www.opentravel.org/OTA/2003/05"><Success/>&lol9;</OTA_HotelAvailNotifRS>'
)
# What a JSON client must refuse: nested far deeper than any honest reply, with a NaN at the bottom.
_HOSTILE_JSON = b'{"meta": {"warnings": ' + b"[" * 5000 + b"NaN" + b"]" * 5000 + b"}}"
_HUGE_BYTES = 9 * 1024 * 1024  # more than any client reads (xml_safety and json_safety stop at 8 MB)


class _Sandbox:
    """Shared by all handler threads: listings, their state, the fault plan, and the clock."""

    def __init__(self, today: Callable[[], date]) -> None:
        self.today = today
        self.listings: dict[str, ListingState] = {}
        self.faults = FaultPlan()
        self.lock = threading.Lock()

    def listing(self, hotel_code: str) -> ListingState | None:
        with self.lock:
            return self.listings.get(hotel_code)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a handler stuck in a delay fault must not keep stop() waiting
    sandbox: _Sandbox

    def handle_error(self, request, client_address) -> None:
        # A client that timed out and left makes our late reply fail; that is the test working.
        log.debug("sandbox: connection from %s ended abnormally", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so a requests.Session reuses its connection
    # Headers and body go out as two writes; with Nagle on, the body waits for the client's delayed
    # ACK (~40 ms per request), which would make every benchmark measure the TCP stack, not us.
    disable_nagle_algorithm = True
    server: _Server
    server_version = "ChannelmgrSandboxOTA/1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        log.debug("sandbox %s - %s", self.address_string(), format % args)

    # --- routing ------------------------------------------------------------------------------

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        segments = [unquote(s) for s in parts.path.strip("/").split("/")] if parts.path.strip("/") else []
        sandbox = self.server.sandbox
        if not segments:
            with sandbox.lock:
                listings = list(sandbox.listings.values())
            return self._send(200, index_page(listings).encode(), "text/html; charset=utf-8")
        if len(segments) == 2 and segments[0] == "listing":
            return self._listing_page(segments[1], parse_qs(parts.query))
        if len(segments) == 3 and segments[:2] == ["api", "state"]:
            state = sandbox.listing(segments[2])
            if state is None:
                return self._json(404, {"error": f"no listing {segments[2]!r}"})
            return self._json(200, state.snapshot())
        if len(segments) == 3 and segments[:2] == ["api", "bookings"]:
            state = sandbox.listing(segments[2])
            if state is None:
                return self._json(404, {"error": f"no listing {segments[2]!r}"})
            return self._json(200, state.snapshot()["bookings"])
        if segments == ["api", "faults"]:
            return self._json(200, sandbox.faults.describe())
        if len(segments) == 3 and segments[0] == "ical" and segments[2].endswith(".ics"):
            return self._ical_feed(segments[1], segments[2].removesuffix(".ics"))
        if _is_channex(segments):
            return self._channex("GET", segments, parse_qs(parts.query), b"")
        self._send(404, b"not found\n", "text/plain; charset=utf-8")

    def do_POST(self) -> None:
        body = self._read_body()
        if body is None:
            return
        parts = urlsplit(self.path)
        segments = [unquote(s) for s in parts.path.strip("/").split("/")]
        if _is_channex(segments):
            return self._channex("POST", segments, parse_qs(parts.query), body)
        if segments == ["api", "faults"]:
            return self._set_faults(body)
        if len(segments) == 3 and segments[0] == "ota":
            return self._ota(segments[1], segments[2], body)
        if len(segments) == 3 and segments[:2] in (["api", "book"], ["api", "cancel"]):
            return self._booking(segments[1], segments[2], body)
        self._send(404, b"not found\n", "text/plain; charset=utf-8")

    # --- OTA ----------------------------------------------------------------------------------

    def _ota(self, hotel_code: str, message: str, body: bytes) -> None:
        sandbox = self.server.sandbox
        state = sandbox.listing(hotel_code)
        if state is None:
            return self._send(404, f"no listing {hotel_code!r} here\n".encode(), "text/plain; charset=utf-8")
        spec = SPECS.get(message)
        # Messages that are not ARI ranges: the reservation pull, listing content, the drift audit's reads.
        pull = (booking_desk.PROCESSORS.get(message) or content_desk.PROCESSORS.get(message)
                or read_back.PROCESSORS.get(message))
        if spec is None and pull is None:
            return self._send(404, f"no message {message!r} here\n".encode(), "text/plain; charset=utf-8")
        state.count("requests")
        state.count(f"message:{message}")
        if self._faulted(state):
            return

        if not self._authorised(state.config):
            state.count("unauthorized")
            issue = request_issue("497", "authorization failed for this listing", "4")
            response = (spec.response if spec is not None
                        else {**booking_desk.RESPONSES, **content_desk.RESPONSES, **read_back.RESPONSES}[message])
            return self._send(401, render_response(response, None, [issue]), "text/xml; charset=utf-8",
                              {"WWW-Authenticate": 'Basic realm="sandbox-ota"'})
        if pull is not None:
            reply = pull(state, body)
        else:
            reply = process_notif(state, message, body, sandbox.today())
        _count_reply(state, reply)
        self._send(reply.status, reply.body, "text/xml; charset=utf-8")

    # --- Channex-style hub ----------------------------------------------------------------------

    def _channex(self, method: str, segments: list[str], query: dict[str, list[str]], body: bytes) -> None:
        sandbox = self.server.sandbox
        state = sandbox.listing(segments[1])
        if state is None:
            return self._json(404, {"errors": {"code": "not_found", "title": f"no property {segments[1]!r}"}})
        state.count("requests")
        route = segments[4:]
        # Counted by route, an ack's revision id left out: "channex:POST booking_revisions/ack".
        named = route[:1] + route[2:] if len(route) == 3 and route[2] == "ack" else route
        state.count(f"channex:{method} {'/'.join(named)}")
        if self._faulted(state, json_api=True):
            return
        reply = channex_api.handle(state, method, route, query, body, self.headers.get("user-api-key"),
                                   sandbox.today())
        _count_reply(state, reply)
        body = json.dumps(reply.payload, ensure_ascii=False).encode("utf-8")
        self._send(reply.status, body, "application/json; charset=utf-8", reply.headers)

    def _faulted(self, state: ListingState, *, json_api: bool = False) -> bool:
        """Play the fault plan's draw for this request: True when a fault answered it."""
        delay, fault = self.server.sandbox.faults.draw()
        if delay:
            state.count("fault:delay")
            time.sleep(delay)
        if fault is None:
            return False
        state.count(f"fault:{fault.kind}")
        self._fault(fault, json_api=json_api)
        return True

    def _authorised(self, config: ListingConfig) -> bool:
        header = self.headers.get("Authorization", "")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            username, _, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        # compare_digest on both, always: no early exit that times out the username
        user_ok = hmac.compare_digest(username.encode(), config.username.encode())
        password_ok = hmac.compare_digest(password.encode(), config.password.encode())
        return user_ok and password_ok

    def _fault(self, fault: FaultRule, *, json_api: bool = False) -> None:
        if fault.kind == "error":
            self._send(500, b"internal error (sandbox fault)\n", "text/plain; charset=utf-8")
        elif fault.kind == "rate_limit":
            retry_after = str(max(0, round(fault.seconds)))
            self._send(429, b"too many requests (sandbox fault)\n", "text/plain; charset=utf-8",
                       {"Retry-After": retry_after})
        elif fault.kind == "garbage":
            self._send(200, _GARBAGE, "text/html; charset=utf-8")
        elif fault.kind == "hostile" and json_api:
            self._send(200, _HOSTILE_JSON, "application/json; charset=utf-8")
        elif fault.kind == "hostile":
            self._send(200, _HOSTILE, "text/xml; charset=utf-8")
        elif fault.kind == "huge":
            filler = b'{"data": "' + b"x" * _HUGE_BYTES + b'"}' if json_api else b"<x>" + b"x" * _HUGE_BYTES + b"</x>"
            self._send(200, filler, "application/json; charset=utf-8" if json_api else "text/xml; charset=utf-8")
        elif fault.kind == "reset":
            # Linger 0 makes close() send a TCP RST: the client sees "connection reset", no reply.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True

    # --- other routes -------------------------------------------------------------------------

    def _listing_page(self, hotel_code: str, query: dict[str, list[str]]) -> None:
        state = self.server.sandbox.listing(hotel_code)
        if state is None:
            return self._send(404, b"no such listing\n", "text/plain; charset=utf-8")
        try:
            start = date.fromisoformat(query["start"][0]) if "start" in query else self.server.sandbox.today()
            days = min(MAX_GRID_DAYS, max(1, int(query.get("days", ["31"])[0])))
        except ValueError:
            return self._send(400, b"start must be YYYY-MM-DD and days a number\n", "text/plain; charset=utf-8")
        self._send(200, listing_page(state, start, days).encode(), "text/html; charset=utf-8")

    def _ical_feed(self, hotel_code: str, room: str) -> None:
        state = self.server.sandbox.listing(hotel_code)
        if state is None:
            return self._send(404, b"no such listing\n", "text/plain; charset=utf-8")
        state.count("ical_feed")
        self._send(200, room_feed(state, room), "text/calendar; charset=utf-8")

    def _booking(self, action: str, hotel_code: str, body: bytes) -> None:
        state = self.server.sandbox.listing(hotel_code)
        if state is None:
            return self._json(404, {"error": f"no listing {hotel_code!r}"})
        try:
            data = json.loads(body or b"{}")
            if not isinstance(data, dict):
                raise ValueError("expected a JSON object")
            if action == "cancel":
                booking = booking_desk.cancel(state, str(data["remote_id"]))
                return self._json(200, booking.to_json())
            booking = booking_desk.book(
                state, room=str(data["room"]), rate=str(data["rate"]),
                arrival=date.fromisoformat(data["arrival"]), departure=date.fromisoformat(data["departure"]),
                today=self.server.sandbox.today(), given_name=str(data.get("given_name", "")),
                surname=str(data.get("surname", "")), phone=str(data.get("phone", "")),
                amount_minor=int(data.get("amount_minor", 0)), adults=int(data.get("adults", 2)),
                children=int(data.get("children", 0)), force=bool(data.get("force", False)),
                commission_minor=None if data.get("commission_minor") is None else int(data["commission_minor"]),
            )
        except KeyError as exc:
            return self._json(404 if action == "cancel" else 400, {"error": f"missing or unknown {exc}"})
        except booking_desk.BookingRefused as exc:
            return self._json(409, {"error": str(exc)})
        except (ValueError, TypeError) as exc:
            return self._json(400, {"error": str(exc)})
        self._json(201, booking.to_json())

    def _set_faults(self, body: bytes) -> None:
        try:
            data = json.loads(body or b"{}")
            rules = [FaultRule.from_dict(rule) for rule in data.get("rules", [])]
            plan = FaultPlan(rules, seed=int(data.get("seed", 0)))
        except (ValueError, TypeError, AttributeError) as exc:
            return self._json(400, {"error": str(exc)})
        self.server.sandbox.faults = plan
        self._json(200, plan.describe())

    # --- plumbing -----------------------------------------------------------------------------

    def _read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            self.close_connection = True
            self._send(413, b"body missing a valid Content-Length or too large\n", "text/plain; charset=utf-8")
            return None
        return self.rfile.read(length)

    def _json(self, status: int, payload: object) -> None:
        body = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def _count_reply(state: ListingState, reply) -> None:
    """A handled request's outcome and items, on the listing's counters (any protocol's reply)."""
    state.count(reply.outcome)
    state.count("items_applied", reply.applied)
    state.count("items_refused", reply.refused)


def _is_channex(segments: list[str]) -> bool:
    return len(segments) >= 5 and segments[0] == "channex" and segments[2:4] == ["api", "v1"]


@dataclass
class SandboxHandle:
    """A running sandbox. ``url`` is its base (``http://127.0.0.1:PORT``); stop it when done."""

    url: str
    _server: _Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    def endpoint(self, hotel_code: str) -> str:
        """The OpenTravel endpoint a channel should be configured with for this listing."""
        return f"{self.url}/ota/{hotel_code}"

    def channex_endpoint(self, hotel_code: str) -> str:
        """The Channex-style endpoint (below it: ``api/v1/…``) for this listing."""
        return f"{self.url}/channex/{hotel_code}"

    def add_listing(self, config: ListingConfig) -> ListingState:
        sandbox = self._server.sandbox
        with sandbox.lock:
            if config.hotel_code in sandbox.listings:
                raise ValueError(f"listing {config.hotel_code} already exists")
            state = sandbox.listings[config.hotel_code] = ListingState(config)
        return state

    def listing(self, hotel_code: str) -> ListingState:
        state = self._server.sandbox.listing(hotel_code)
        if state is None:
            raise KeyError(hotel_code)
        return state

    def state(self, hotel_code: str) -> dict:
        return self.listing(hotel_code).snapshot()

    def counters(self, hotel_code: str) -> dict[str, int]:
        return self.state(hotel_code)["counters"]

    def book(
        self, hotel_code: str, room: str, rate: str, arrival: date, departure: date, *,
        given_name: str = "", surname: str = "", phone: str = "", amount_minor: int = 0,
        adults: int = 2, children: int = 0, force: bool = False, commission_minor: int | None = None,
    ) -> str:
        """A guest books on this OTA; returns the booking's remote id (raises BookingRefused)."""
        booking = booking_desk.book(
            self.listing(hotel_code), room=room, rate=rate, arrival=arrival, departure=departure,
            today=self._server.sandbox.today(), given_name=given_name, surname=surname, phone=phone,
            amount_minor=amount_minor, adults=adults, children=children, force=force,
            commission_minor=commission_minor,
        )
        return booking.remote_id

    def cancel(self, hotel_code: str, remote_id: str) -> None:
        booking_desk.cancel(self.listing(hotel_code), remote_id)

    def bookings(self, hotel_code: str) -> list[dict]:
        return self.state(hotel_code)["bookings"]

    def redeliver(self, hotel_code: str, remote_id: str) -> None:
        """Deliver an acknowledged booking again, as an OTA's "resend reservations" button (or a
        lost acknowledgement) does: the channel manager must take it as "unchanged"."""
        booking_desk.redeliver(self.listing(hotel_code), remote_id)

    def pending_bookings(self, hotel_code: str) -> list[str]:
        """Remote ids an OTA_ReadRQ would deliver now (not yet acknowledged)."""
        listing = self.listing(hotel_code)
        with listing.lock:
            return [b.remote_id for b in listing.bookings.values() if b.pending]

    def set_faults(self, rules: Sequence[FaultRule], *, seed: int = 0) -> None:
        self._server.sandbox.faults = FaultPlan(rules, seed)

    def clear_faults(self) -> None:
        self.set_faults(())

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> "SandboxHandle":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    listings: Iterable[ListingConfig] = (),
    today: Callable[[], date] = date.today,
) -> SandboxHandle:
    """Start the sandbox in a background thread; ``port=0`` picks a free port (see ``handle.url``).

    ``today`` decides what "in the past" and "beyond the horizon" mean; tests pin it.
    """
    server = _Server((host, port), _Handler)
    server.sandbox = _Sandbox(today)
    bound_host, bound_port = server.server_address[:2]
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=f"sandbox-ota:{bound_port}", daemon=True
    )
    thread.start()
    handle = SandboxHandle(f"http://{bound_host}:{bound_port}", server, thread)
    for config in listings:
        handle.add_listing(config)
    return handle
