"""Hostile and garbage XML never gets parsed into anything: a clear ProtocolError instead."""

from __future__ import annotations

import time

import pytest

from channelmgr.channels.errors import HostileXmlError, ProtocolError
from channelmgr.channels.xml_safety import MAX_XML_BYTES, parse_untrusted_xml

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">\n' for i in range(1, 10))
    + ']>\n<OTA_HotelAvailNotifRS xmlns="http://www.opentravel.org/OTA/2003/05"><Success/>'
    '<Warnings><Warning ShortText="&lol9;"/></Warnings></OTA_HotelAvailNotifRS>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    '<OTA_HotelAvailNotifRS><Errors><Error ShortText="&xxe;"/></Errors></OTA_HotelAvailNotifRS>'
)
EXTERNAL_DTD = '<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd"><r/>'
PARAMETER_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><r/>'
)


@pytest.mark.parametrize(
    "body",
    [
        BILLION_LAUGHS.encode(),
        EXTERNAL_ENTITY.encode(),
        EXTERNAL_DTD.encode(),
        PARAMETER_ENTITY.encode(),
        BILLION_LAUGHS.encode("utf-16"),  # the gate reads the document's own encoding
    ],
    ids=["billion-laughs", "external-entity", "external-dtd", "parameter-entity", "utf16-billion-laughs"],
)
def test_hostile_documents_are_refused_fast_and_unread(body):
    started = time.monotonic()
    with pytest.raises(HostileXmlError) as caught:
        parse_untrusted_xml(body)
    assert time.monotonic() - started < 1.0
    assert "root:" not in str(caught.value)  # nothing of /etc/passwd leaks into the message
    assert isinstance(caught.value, ProtocolError)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"", "empty"),
        (b"  \r\n ", "empty"),
        (b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", "HTML page"),
        (b"<html><body>Login required</body></html>", "HTML page"),
        (b"Internal Server Error", "not well-formed"),
        (b'<?xml version="1.0"?><OTA_HotelAvailNotifRS xmlns="http://www.opentravel.org/OTA/2003/05"><Succ',
         "not well-formed"),
        (b'{"error": "json, not xml"}', "not well-formed"),
        (b'<?xml version="1.0" encoding="x-no-such-codec"?><a/>', "unknown encoding"),
    ],
    ids=["empty", "blank", "html-doctype", "html", "plain-text", "truncated", "json", "bad-encoding"],
)
def test_garbage_gives_a_clear_protocol_error(body, says):
    with pytest.raises(ProtocolError, match=says) as caught:
        parse_untrusted_xml(body)
    assert not isinstance(caught.value, HostileXmlError)


def test_oversized_bodies_are_refused_before_parsing():
    with pytest.raises(ProtocolError, match="more than"):
        parse_untrusted_xml(b"<a>" + b"x" * MAX_XML_BYTES + b"</a>")


def test_ordinary_documents_parse_including_gbk_and_utf16():
    gbk = '<?xml version="1.0" encoding="GBK"?><r note="民宿">大床房</r>'.encode("gbk")
    root = parse_untrusted_xml(gbk)
    assert (root.get("note"), root.text) == ("民宿", "大床房")
    assert parse_untrusted_xml("<r>双床</r>".encode("utf-16")).text == "双床"
    assert parse_untrusted_xml(b"\xef\xbb\xbf<r/>").tag == "r"  # UTF-8 BOM


def test_text_instead_of_bytes_is_a_programming_error():
    with pytest.raises(TypeError):
        parse_untrusted_xml("<r/>")
