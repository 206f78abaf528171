"""Untrusted JSON: every refusal says what and where, and a hostile document is never used."""

from __future__ import annotations

import pytest

from channelmgr.channels.errors import HostileJsonError, ProtocolError
from channelmgr.channels.json_safety import parse_untrusted_json


def test_an_object_is_read():
    assert parse_untrusted_json(b'\xef\xbb\xbf{"data": [1, 2.5, "x"]}') == {"data": [1, 2.5, "x"]}


@pytest.mark.parametrize("body, says", [
    (b"", "is empty"),
    (b"   \n", "is empty"),
    (b"<html><body>502 Bad Gateway</body></html>", "HTML or XML, not JSON: <html>"),
    (b'{"data": [1, 2', "not valid JSON at line 1 column"),
    (b'{"a": "\xff"}', "not UTF-8 (byte 7"),
])
def test_what_a_proxy_or_a_cut_connection_makes_is_unreadable_not_hostile(body, says):
    with pytest.raises(ProtocolError, match=r".*") as caught:
        parse_untrusted_json(body, what="availability reply")
    assert not isinstance(caught.value, HostileJsonError)
    assert str(caught.value).startswith("the availability reply ") and says in str(caught.value)


@pytest.mark.parametrize("body, says", [
    (b'{"rate": NaN}', "holds NaN"),
    (b'{"rate": -Infinity}', "holds -Infinity"),
    (b'{"rate": 1e999}', "1e999, too large"),
    (b'{"id": 1, "id": 2}', "the key 'id' twice"),
    (b"[1, 2]", "must be a JSON object, got list"),
    (b'"just text"', "must be a JSON object, got str"),
    (b'{"a": ' + b"[" * 40 + b"]" * 40 + b"}", "nested deeper than 32 levels at $.a[0][0]"),
    (b'{"a": ' + b"[" * 100000 + b"]" * 100000 + b"}", "nested deeper than"),
    (b'{"n": ' + b"9" * 5000 + b"}", "cannot read"),
])
def test_what_no_honest_server_sends_is_refused_as_hostile(body, says):
    with pytest.raises(HostileJsonError) as caught:
        parse_untrusted_json(body, what="reply")
    assert says in str(caught.value)


def test_a_reply_over_the_size_limit_is_refused_before_it_is_parsed():
    with pytest.raises(HostileJsonError, match="is 101 bytes, more than the 100 we accept"):
        parse_untrusted_json(b'{"a": "' + b"x" * 92 + b'"}', max_bytes=100)


def test_raw_bytes_only():
    with pytest.raises(TypeError):
        parse_untrusted_json('{"a": 1}')  # type: ignore[arg-type]
