"""iCal behind the channel interface: a channel that publishes its whole calendar as a feed.

Nothing is pushed to an iCal channel — the OTA (Airbnb, Tujia, Vrbo…) downloads our export feed
(``channelmgr ical export``) on its own schedule — so ``pushes`` is False and the engine plans no
request for it. What we read is the channel's own feed (the channel's endpoint, set by
``ical import --url``): the whole state, not a list of undelivered changes, so the reservation
pull hands it to :class:`channelmgr.ical.feed_poll.FeedPoller`, which cancels by disappearance,
instead of acknowledging bookings one by one.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from channelmgr.sync.ranges import Range


CHANNEL_PREFIX = "ical:"


def feed_channel_name(feed_name: str) -> str:
    """The channel an imported feed's bookings come from: ``ical:<feed name>``."""
    return CHANNEL_PREFIX + feed_name.strip()


class ICalAdapter:
    protocol = "ical"
    pushes = False      # the channel reads our feed; the engine sends nothing
    whole_feed = True   # the pull reads the channel's whole calendar (see FeedPoller)
    needs_username = False  # a feed URL is read as it is: no login

    def items_per_range(self, rng: Range) -> int:
        return 1

    def check_endpoint(self, endpoint: str) -> None:
        # Empty: a feed imported from a file, never polled.
        if endpoint and (urlsplit(endpoint).scheme not in ("http", "https") or not urlsplit(endpoint).hostname):
            raise ValueError(f"not an http(s) feed URL: {endpoint!r}")

    def connect(self, *args, **kwargs):
        raise TypeError("an iCal channel has no push connection; its feed is polled by FeedPoller")


ADAPTER = ICalAdapter()
