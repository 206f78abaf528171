"""Parse XML that came from outside (OTA replies, requests to the sandbox) without trusting it.

Two gates, because one mistake in either would be enough to hurt:

1. **expat gatekeeper** — a streaming pass that raises the moment it meets a DOCTYPE or an entity
   declaration, *before* any of the DTD is processed. Billion-laughs and external entities
   (``<!ENTITY x SYSTEM "file:///etc/passwd">``) never reach a parser that could expand them, so a
   hostile reply costs one short scan, never a hang or a file read. Expat reads the encoding from
   the document itself, so the check cannot be dodged with UTF-16.
2. **lxml with everything off** — ``resolve_entities=False, no_network=True, load_dtd=False`` and
   a size cap, so even a document that slipped the first gate could not fetch or expand anything.

Chinese channels still send GB18030/GBK now and then; expat reads only UTF-8/16, ASCII and
Latin-1, so such bodies are transcoded to UTF-8 first (the declaration is ASCII, the rest follows).
"""

from __future__ import annotations

import codecs
import re
from xml.parsers import expat

from lxml import etree

from channelmgr.channels.errors import HostileXmlError, ProtocolError

MAX_XML_BYTES = 8 * 1024 * 1024  # a full-year ARI reply is tens of KB; anything near this is not one

_UTF8_BOM = b"\xef\xbb\xbf"
_DECLARED_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_EXPAT_NATIVE = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "ascii", "iso8859-1"}
_LOOKS_LIKE_HTML = re.compile(rb"\A\s*<(!doctype\s+html|html[\s>])", re.IGNORECASE)


def parse_untrusted_xml(body: bytes, *, what: str = "reply") -> etree._Element:
    """Return the root element of ``body`` or raise :class:`ProtocolError` saying what is wrong.

    ``what`` names the document in messages ("reply from Ctrip", "request").
    Raises :class:`HostileXmlError` (a ProtocolError) for any DTD or entity declaration.
    """
    if not isinstance(body, (bytes, bytearray)):
        raise TypeError("parse_untrusted_xml takes the raw bytes, not decoded text")
    body = bytes(body)
    if not body.strip():
        raise ProtocolError(f"the {what} is empty")
    if len(body) > MAX_XML_BYTES:
        raise ProtocolError(f"the {what} is {len(body)} bytes, more than the {MAX_XML_BYTES} we accept")
    if body.startswith(_UTF8_BOM):
        body = body[len(_UTF8_BOM):]
    if _LOOKS_LIKE_HTML.match(body):
        raise ProtocolError(f"the {what} is an HTML page, not an OpenTravel message: {_preview(body)}")

    body = _transcode_for_expat(body, what)
    _refuse_dtd(body, what)

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise ProtocolError(f"the {what} is not well-formed XML: {exc}") from None
    if root.getroottree().docinfo.doctype:  # unreachable after gate 1; kept so gate 2 stands alone
        raise HostileXmlError(f"the {what} declares a DOCTYPE; refused")
    return root


def _refuse_dtd(body: bytes, what: str) -> None:
    def refuse(*_args: object) -> None:
        raise HostileXmlError(f"the {what} declares a DOCTYPE or entities; refused unread")

    gate = expat.ParserCreate()
    gate.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    gate.StartDoctypeDeclHandler = refuse
    gate.EntityDeclHandler = refuse
    gate.UnparsedEntityDeclHandler = refuse
    gate.ExternalEntityRefHandler = refuse
    try:
        gate.Parse(body, True)
    except expat.ExpatError as exc:
        raise ProtocolError(f"the {what} is not well-formed XML ({exc}): {_preview(body)}") from None


def _transcode_for_expat(body: bytes, what: str) -> bytes:
    declared = _DECLARED_ENCODING.match(body)
    if not declared:
        return body  # UTF-8 by default, or UTF-16 with a BOM: expat reads both
    name = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ProtocolError(f"the {what} declares an unknown encoding {name!r}") from None
    if codec in _EXPAT_NATIVE:
        return body
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the {what} is not valid {name}: {exc}") from None
    # The declaration is ASCII and comes first, so byte offsets equal character offsets here.
    return (text[: declared.start(1)] + "utf-8" + text[declared.end(1):]).encode("utf-8")


def _preview(body: bytes, limit: int = 120) -> str:
    """A short, printable excerpt for error messages (never the whole body in a log line)."""
    text = body[:limit].decode("utf-8", errors="replace")
    text = " ".join(text.split())
    return repr(text + ("…" if len(body) > limit else ""))
