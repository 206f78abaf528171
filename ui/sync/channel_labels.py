"""A channel as the owner named it: ``Channel.display_name`` (携程 Ctrip), with the short name the
core and the channel's requests use (ctrip) kept for the tooltip and for filters' data.

Rows from the core (reservations, drift differences, sync log entries) carry the short name; a
view that shows them keeps one of these, filled with each load of the channel list.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from channelmgr.sync.channels import ChannelInfo

from ..models.record_table import Column


class ChannelLabels:
    def __init__(self) -> None:
        self._labels: dict[str, str] = {}

    def set_channels(self, channels: Iterable[ChannelInfo]) -> None:
        self._labels = {c.name: c.label for c in channels}

    def set_labels(self, labels: dict[str, str]) -> None:
        self._labels = dict(labels)

    def label(self, name: str) -> str:
        """The owner's name for the channel; a channel since removed keeps the name its rows have."""
        return self._labels.get(name, name)

    def column(self, header: str, name_of: Callable[[Any], str]) -> Column:
        """A table column showing the owner's name, the short name in its tooltip."""
        return Column(header, lambda row: self.label(name_of(row)), tooltip=lambda row: name_of(row))
