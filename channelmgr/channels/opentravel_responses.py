"""Read OpenTravel replies (``…RS``) and decide which of the request's ranges were applied.

A reply says ``<Success/>`` (maybe with ``<Warnings>``) or ``<Errors>``; an HTTP 200 can carry
errors. Errors that name an item (``RecordID`` = the item's number, or a ``Tag`` XPath ending in
``AvailStatusMessage[n]``-style) reject only that item's range; the other ranges were applied.
An error that names no item — or names one the request did not have — rejects the whole request,
because we cannot tell what was applied, and acknowledging too little only costs a resend.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from lxml import etree

from channelmgr.channels.errors import ProtocolError
from channelmgr.channels.opentravel_messages import OTA_NS, OutgoingMessage
from channelmgr.channels.xml_safety import parse_untrusted_xml
from channelmgr.sync.ranges import Range

_ITEM_IN_TAG = re.compile(r"(?:Inventory|RateAmountMessage|AvailStatusMessage)\[(\d+)\]")


@dataclass(frozen=True)
class OtaIssue:
    """One ``Error`` or ``Warning`` from a reply, attributes as the channel sent them."""

    severity: str               # "error" or "warning"
    text: str                   # ShortText, else the element's text
    code: str | None = None     # OTA ERR code list, e.g. "392" invalid hotel code
    type: str | None = None     # OTA EWT code list, e.g. "3" business rule
    status: str | None = None   # NotProcessed / Incomplete / Complete / Unknown
    record_id: str | None = None
    tag: str | None = None

    def item_number(self) -> int | None:
        """The 1-based request item this issue is about, or None if it names none."""
        if self.record_id is not None and self.record_id.strip().isdigit():
            number = int(self.record_id)
            return number if number >= 1 else None
        if self.tag:
            found = _ITEM_IN_TAG.findall(self.tag)
            if found:
                return int(found[-1])
        return None

    def __str__(self) -> str:
        code = f" {self.code}" if self.code else ""
        where = f" (item {self.item_number()})" if self.item_number() else ""
        return f"{self.severity}{code}{where}: {self.text}"


@dataclass(frozen=True)
class OtaResponse:
    name: str
    echo_token: str | None
    success: bool
    warnings: tuple[OtaIssue, ...]
    errors: tuple[OtaIssue, ...]


@dataclass(frozen=True)
class RejectedRange:
    range: Range
    issues: tuple[OtaIssue, ...]


@dataclass(frozen=True)
class Verdict:
    """What to acknowledge: ``accepted`` ranges were applied by the channel, ``rejected`` were not."""

    accepted: tuple[Range, ...]
    rejected: tuple[RejectedRange, ...]
    request_errors: tuple[OtaIssue, ...]  # errors that name no item: they sank the whole request
    warnings: tuple[OtaIssue, ...]


def parse_response(body: bytes, *, expected: str | None = None) -> OtaResponse:
    """Parse an OpenTravel reply. ``expected`` is the root name we asked for, e.g.
    ``"OTA_HotelAvailNotifRS"``. Raises :class:`ProtocolError` for anything that is not one."""
    return read_response(parse_untrusted_xml(body, what="reply"), expected=expected)


def read_response(root: etree._Element, *, expected: str | None = None) -> OtaResponse:
    """The status part of an already parsed reply (for replies that also carry a payload)."""
    qname = etree.QName(root)
    if qname.namespace not in (OTA_NS, None):  # a missing namespace is a common, harmless slip
        raise ProtocolError(f"the reply is in namespace {qname.namespace!r}, not OpenTravel's")
    if expected is not None and qname.localname != expected:
        raise ProtocolError(f"expected {expected}, got {qname.localname}")
    if not qname.localname.endswith("RS"):
        raise ProtocolError(f"{qname.localname} is not an OpenTravel response")

    ns = f"{{{qname.namespace}}}" if qname.namespace else ""
    success = root.find(f"{ns}Success") is not None
    errors = tuple(_issues(root, ns, "Errors", "Error", "error"))
    warnings = tuple(_issues(root, ns, "Warnings", "Warning", "warning"))
    if not success and not errors:
        raise ProtocolError(f"{qname.localname} has neither Success nor Errors")
    # The schema makes Success and Errors exclusive; if a channel sends both, believe the errors.
    return OtaResponse(qname.localname, root.get("EchoToken"), success and not errors, warnings, errors)


def judge(message: OutgoingMessage, response: OtaResponse) -> Verdict:
    """Map a reply's errors onto the request's ranges (see the module docstring)."""
    if response.echo_token and response.echo_token != message.echo_token:
        raise ProtocolError(
            f"the reply echoes token {response.echo_token!r}, not ours ({message.echo_token!r})"
        )
    per_range: dict[Range, list[OtaIssue]] = defaultdict(list)
    request_errors: list[OtaIssue] = []
    for error in response.errors:
        number = error.item_number()
        if number is not None and number <= len(message.items):
            per_range[message.items[number - 1]].append(error)
        else:
            request_errors.append(error)

    ranges = message.ranges
    if request_errors:
        rejected = tuple(RejectedRange(r, tuple(request_errors) + tuple(per_range.get(r, ()))) for r in ranges)
        return Verdict((), rejected, tuple(request_errors), response.warnings)
    accepted = tuple(r for r in ranges if r not in per_range)
    rejected = tuple(RejectedRange(r, tuple(per_range[r])) for r in ranges if r in per_range)
    return Verdict(accepted, rejected, (), response.warnings)


def _issues(root: etree._Element, ns: str, group: str, tag: str, severity: str) -> list[OtaIssue]:
    found = []
    for element in root.iterfind(f"{ns}{group}/{ns}{tag}"):
        text = element.get("ShortText") or (element.text or "").strip() or "(no text)"
        found.append(
            OtaIssue(
                severity=severity,
                text=text,
                code=element.get("Code"),
                type=element.get("Type"),
                status=element.get("Status"),
                record_id=element.get("RecordID"),
                tag=element.get("Tag"),
            )
        )
    return found
