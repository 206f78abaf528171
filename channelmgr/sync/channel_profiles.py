"""What each kind of channel can carry: named capability profiles (Meituan, Ctrip, Tujia, Fliggy,
Airbnb, Booking.com, generic).

A channel's settings name a profile (``profile=fliggy``); the profile gives the defaults of the
capability keys below, and any key the owner sets explicitly overrides it (``ChannelSettings``).
The sync engine reads only the effective values: it never sends what a channel cannot carry, and
says so (``capability_notes``).

Where the facts come from: the channels' public extranet help pages and connectivity documents,
AS BEST KNOWN (2026-11). They were not verified against every channel's current API contract (a
channel may take more through a connectivity partner than its extranet shows, or change its rules);
each profile's ``source`` says how sure we are. The owner can override every key
(``channelmgr channel set NAME --set min_stay_basis=through``), so a wrong guess here costs a
setting, never a silent loss: what a profile withholds is stated in every dry run and sync log.

``generic`` is today's behaviour and every existing channel's (settings without a ``profile``):
every restriction, the minimum stay sent as our calendar means it, no horizon limit of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UserError

RESTRICTIONS = ("stop_sell", "cta", "ctd", "min_stay", "max_stay")

# How a channel reads a night's minimum stay:
#   "through": a stay that includes the night must be at least that long (Booking.com's "min stay
#              through", and how our calendar means it, see OUR_MIN_STAY_BASIS);
#   "arrival": only a stay that *arrives* on the night must be at least that long (Airbnb's
#              minimum nights, the Chinese OTAs' 连住 / 最少入住晚数 as their extranets describe them).
MIN_STAY_BASES = ("through", "arrival")

# Our calendar's minimum stay belongs to the night, whichever night the guest arrives: a price
# rule's "国庆 ≥ 2 nights" holds on every holiday night, and the calendar shows the same number on
# each night it covers (CalendarCell.effective_min_stay). OpenTravel's SetMinLOS is sent today with
# that per-night value unchanged (channels.opentravel_messages), i.e. read as "through".
OUR_MIN_STAY_BASIS = "through"

# What one price we send stands for. We keep prices per room per night (the rate plan's price for
# the room, whatever the guests); a channel that reads a price per person cannot be given ours.
PRICE_UNITS = ("room_night", "person_night")

# The keys a profile sets; every other channel setting (markup, rate limits, buffer…) is the
# owner's and has one default for every channel.
PROFILE_KEYS = ("supported_restrictions", "min_stay_basis", "max_horizon_days", "occupancy_pricing",
                "price_unit", "content")


@dataclass(frozen=True)
class ChannelProfile:
    name: str
    label: str
    supported_restrictions: frozenset[str]
    min_stay_basis: str = "through"
    max_horizon_days: int | None = None   # the furthest night the channel accepts; None: no known limit
    occupancy_pricing: bool = False       # takes one price per number of guests
    price_unit: str = "room_night"
    content: bool = False                 # takes listing content (OTA_HotelDescriptiveContentNotifRQ)
    source: str = ""                      # where the facts come from, and how sure they are

    def defaults(self) -> dict[str, object]:
        """The profile's value of each key in ``PROFILE_KEYS``."""
        return {name: getattr(self, name) for name in PROFILE_KEYS}


_ALL = frozenset(RESTRICTIONS)

PROFILES: dict[str, ChannelProfile] = {p.name: p for p in (
    ChannelProfile(
        "generic", "Generic OpenTravel", _ALL,
        source="today's behaviour: everything sent, minimum stay as our calendar means it (through)"),
    ChannelProfile(
        "meituan", "美团民宿 Meituan", frozenset({"stop_sell", "min_stay"}), min_stay_basis="arrival",
        source="Meituan homestay extranet help (连住 on the check-in date; no arrival/departure closing); "
               "the demo's Meituan channel takes the same two restrictions"),
    ChannelProfile(
        "ctrip", "携程 Ctrip / Trip.com", _ALL, min_stay_basis="arrival",
        source="Ctrip eBooking and Trip.com connectivity pages (最少连住 by check-in date, 禁止入住/离店); "
               "horizon not published: none assumed"),
    ChannelProfile(
        "tujia", "途家 Tujia", frozenset({"stop_sell", "min_stay", "max_stay"}), min_stay_basis="arrival",
        source="Tujia landlord extranet help (最少/最多入住天数 by check-in date); CTA/CTD not offered there"),
    ChannelProfile(
        "fliggy", "飞猪 Fliggy", frozenset({"stop_sell", "min_stay", "max_stay"}), min_stay_basis="arrival",
        max_horizon_days=180,
        source="Fliggy hotel seller docs: prices and rooms accepted 180 days ahead at most; "
               "CTA/CTD not seen in its public docs"),
    ChannelProfile(
        "airbnb", "Airbnb", frozenset({"stop_sell", "cta", "min_stay", "max_stay"}), min_stay_basis="arrival",
        content=True,
        source="Airbnb host help (minimum nights by check-in day, 'days check-in not allowed'); no "
               "closing to departure per night assumed; listing content through its API"),
    ChannelProfile(
        "booking", "Booking.com", _ALL, min_stay_basis="through", occupancy_pricing=True, content=True,
        source="Booking.com connectivity docs (min stay through and arrival, CTA, CTD, occupancy-based "
               "pricing, OTA_HotelDescriptiveContentNotif for content)"),
)}

DEFAULT_PROFILE = "generic"


def channel_profile(name: str) -> ChannelProfile:
    """The profile called ``name``; an unknown name is refused with the list to choose from."""
    found = PROFILES.get(name.strip().lower()) if isinstance(name, str) else None
    if found is None:
        names = ", ".join(PROFILES)
        raise UserError(f"Unknown channel profile {name!r}; choose from {names}",
                        f"没有名为 {name!r} 的渠道类型；可选：{names}")
    return found

