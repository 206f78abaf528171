"""A local OTA that speaks OpenTravel ARI notifications, for tests, demos and benchmarks.

Guests can book on it too (``handle.book(...)``, ``POST /api/book/{hotel}``); the channel manager
fetches those bookings with ``OTA_ReadRQ`` and acknowledges them with ``OTA_NotifReportRQ``.

    from channelmgr.channels.sandbox import ListingConfig, serve
    with serve(listings=[ListingConfig("H1", "owner", "pw", rooms={"DBL"}, rates={"BAR"})]) as ota:
        endpoint = ota.endpoint("H1")   # give this to OpenTravelClient
"""

from channelmgr.channels.sandbox.bookings import BookingRefused
from channelmgr.channels.sandbox.faults import FAULT_KINDS, FaultPlan, FaultRule
from channelmgr.channels.sandbox.listings import DEMO_LISTING, ListingConfig, load_listings
from channelmgr.channels.sandbox.server import SandboxHandle, serve

__all__ = [
    "BookingRefused",
    "DEMO_LISTING",
    "FAULT_KINDS",
    "FaultPlan",
    "FaultRule",
    "ListingConfig",
    "SandboxHandle",
    "load_listings",
    "serve",
]
