"""Errors a channel adapter raises when what came back cannot be trusted or understood."""

from __future__ import annotations


class ChannelError(Exception):
    """Base for everything a channel adapter reports as a failure of the channel, not of the user."""


class ProtocolError(ChannelError):
    """The channel's reply is not a message we can read: empty, HTML, truncated, wrong root…

    Nothing in such a reply is acknowledged; the difference stays and is sent again next pass.
    """


class HostileXmlError(ProtocolError):
    """The reply carries a DTD or entity declarations: never parsed, whatever it would expand to."""
