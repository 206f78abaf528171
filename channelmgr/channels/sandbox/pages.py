"""The sandbox's HTML pages: what each listing currently shows guests, as a room × night grid, its
bookings and the listing content each room received.

Every value is escaped: room and rate codes come from whoever configured or called the sandbox.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Iterable
from urllib.parse import quote

from channelmgr.channels.opentravel_messages import minor_to_decimal
from channelmgr.channels.sandbox.state import ListingState, Restrictions

_STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 1.5em; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: center; white-space: nowrap; }
th.row { text-align: left; }
td.closed { background: #f4c7c3; }
td.empty { color: #bbb; }
.weekend { background: #f3f3f3; }
"""


def _page(title: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body>{body}</body></html>"
    )


def index_page(listings: Iterable[ListingState]) -> str:
    rows = []
    for state in listings:
        config = state.config
        with state.lock:
            requests = state.counters.get("requests", 0)
        link = f"/listing/{quote(config.hotel_code, safe='')}"
        rows.append(
            f"<tr><td><a href='{escape(link)}'>{escape(config.hotel_code)}</a></td>"
            f"<td>{escape(', '.join(sorted(config.rooms)))}</td><td>{escape(', '.join(sorted(config.rates)))}</td>"
            f"<td>{config.horizon_days}</td><td>{requests}</td></tr>"
        )
    table = (
        "<table><tr><th>Hotel code</th><th>Rooms</th><th>Rates</th><th>Horizon (nights)</th><th>Requests</th></tr>"
        + "".join(rows) + "</table>"
    ) if rows else "<p>No listings configured.</p>"
    return _page("Sandbox OTA", "<h1>Sandbox OTA</h1>" + table)


def listing_page(state: ListingState, start: date, days: int) -> str:
    config = state.config
    nights = [start + timedelta(days=i) for i in range(days)]
    header = "".join(
        f"<th{' class=weekend' if n.weekday() >= 5 else ''}>{n:%m-%d}<br>{n:%a}</th>" for n in nights
    )
    rows = []
    with state.lock:
        for room in sorted(config.rooms):
            cells = [state.counts.get((room, n)) for n in nights]
            rows.append(_row(f"{room} · rooms to sell", [_plain(c) for c in cells]))
            # A hub's rate plans belong to one room each; an OTA's rate codes are valid for every room.
            rates = sorted(p for p, r in config.rate_plans.items() if r == room) if config.rate_plans else sorted(config.rates)
            for rate in rates:
                guest_counts = sorted({g for (r, p, g, _n) in state.prices if r == room and p == rate},
                                      key=lambda g: g or 0)
                for guests in guest_counts or [None]:
                    label = f"{room} · {rate} price" + (f" ({guests} guests)" if guests else "")
                    prices = [state.prices.get((room, rate, guests, n)) for n in nights]
                    rows.append(_row(label, [_plain(p and minor_to_decimal(*p)) for p in prices]))
                restrictions = [state.restrictions.get((room, rate, n)) for n in nights]
                rows.append(_row(f"{room} · {rate} restrictions", [_restriction(r) for r in restrictions]))
        booked = [b.to_json() for b in state.bookings.values()]
        content = {code: dict(room) for code, room in state.room_content.items()}
    title = f"Listing {config.hotel_code}"
    body = (
        f"<h1>{escape(title)}</h1><p><a href='/'>All listings</a> · {escape(str(start))}, {days} nights · "
        f"currency {escape(config.currency)}</p>"
        f"<table><tr><th class='row'>Room · rate</th>{header}</tr>{''.join(rows)}</table>"
        + _bookings_table(booked) + _content_table(content)
    )
    return _page(title, body)


def _row(label: str, cells: list[str]) -> str:
    return f"<tr><th class='row'>{escape(label)}</th>{''.join(cells)}</tr>"


def _plain(value: object) -> str:
    if value is None:
        return "<td class='empty'>·</td>"
    return f"<td>{escape(str(value))}</td>"


def _restriction(value: Restrictions | None) -> str:
    if value is None:
        return "<td class='empty'>·</td>"
    marks = [m for m, on in (("SS", value.stop_sell), ("CTA", value.cta), ("CTD", value.ctd)) if on]
    if value.min_stay > 1:
        marks.append(f"min{value.min_stay}")
    if value.max_stay is not None:
        marks.append(f"max{value.max_stay}")
    css = " class='closed'" if value.stop_sell else ""
    return f"<td{css}>{escape(' '.join(marks) or 'open')}</td>"


def _bookings_table(bookings: list[dict]) -> str:
    """Bookings guests made here; the guest's name is whatever the booker typed: escaped."""
    if not bookings:
        return "<h2>Bookings</h2><p>No bookings yet.</p>"
    columns = ("remote_id", "status", "room", "rate", "arrival", "departure", "guest", "amount_minor", "acknowledged")
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(str(b[c]))}</td>" for c in columns) + "</tr>" for b in bookings
    )
    return f"<h2>Bookings</h2><table><tr>{head}</tr>{rows}</table>"


def _content_table(rooms: dict[str, dict]) -> str:
    """The listing content each room shows (content_processing.py); names are the sender's: escaped."""
    if not rooms:
        return "<h2>Content</h2><p>No content received yet.</p>"
    head = "".join(f"<th>{c}</th>" for c in ("Room", "Name (zh)", "Name (en)", "Max guests", "Beds (BED)",
                                             "View (RVT)", "Amenities (RMA)", "Photos"))
    rows = []
    for code in sorted(rooms):
        room = rooms[code]
        texts = room.get("texts", {})
        cells = (code, texts.get("zh", {}).get("title", room.get("name", "")), texts.get("en", {}).get("title", ""),
                 room.get("MaxOccupancy", ""), " ".join(map(str, room["beds"])), room["view"] or "",
                 " ".join(map(str, room["amenities"])), len(room["photos"]))
        rows.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>")
    return f"<h2>Content</h2><table><tr>{head}</tr>{''.join(rows)}</table>"
