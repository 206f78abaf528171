"""Parse JSON that came from outside (a hub's replies, requests to the sandbox) without trusting it.

A reply is input: it may be a proxy's HTML page, cut short, gigabytes long, nested a million
deep, or carry values Python's ``json`` takes but no channel means (``NaN``, ``Infinity``,
``1e999``, the same key twice). Each is refused with a :class:`ProtocolError` that says where
(line and column, or the path of the value) and what, before anything of it is used — so a
hostile reply changes nothing.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from channelmgr.channels.errors import HostileJsonError, ProtocolError

MAX_JSON_BYTES = 8 * 1024 * 1024  # a year of a property's ARI read back is a few MB at most
MAX_JSON_DEPTH = 32               # Channex-style documents are ~5 deep

_UTF8_BOM = b"\xef\xbb\xbf"
_LOOKS_LIKE_HTML = re.compile(rb"\A\s*<", re.IGNORECASE)


def parse_untrusted_json(body: bytes, *, what: str = "reply", max_bytes: int = MAX_JSON_BYTES,
                         max_depth: int = MAX_JSON_DEPTH) -> dict[str, Any]:
    """The JSON object in ``body``, or :class:`ProtocolError` saying what is wrong and where.

    ``what`` names the document in messages ("availability reply", "booking feed").
    """
    if not isinstance(body, (bytes, bytearray)):
        raise TypeError("parse_untrusted_json takes the raw bytes, not decoded text")
    body = bytes(body)
    if len(body) > max_bytes:
        raise HostileJsonError(f"the {what} is {len(body)} bytes, more than the {max_bytes} we accept")
    if body.startswith(_UTF8_BOM):
        body = body[len(_UTF8_BOM):]
    if not body.strip():
        raise ProtocolError(f"the {what} is empty")
    if _LOOKS_LIKE_HTML.match(body):
        raise ProtocolError(f"the {what} is HTML or XML, not JSON: {_preview(body)}")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the {what} is not UTF-8 (byte {exc.start}: {body[exc.start:exc.start + 1]!r})") from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float,
                          object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise ProtocolError(f"the {what} is not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except _Refused as exc:
        raise HostileJsonError(f"the {what} {exc}") from None
    except RecursionError:
        raise HostileJsonError(f"the {what} is nested deeper than the {max_depth} levels we accept") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise HostileJsonError(f"the {what} holds a value we cannot read: {exc}") from None
    if not isinstance(data, dict):
        raise HostileJsonError(f"the {what} must be a JSON object, got {type(data).__name__} ({_preview(body)})")
    too_deep = _too_deep(data, max_depth)
    if too_deep is not None:
        raise HostileJsonError(f"the {what} is nested deeper than {max_depth} levels at {too_deep}")
    return data


class _Refused(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"holds {name}, which is not a number a channel sends")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"holds the number {text[:40]}, too large to be a real value")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            # Two parsers could read two different values from it; we read neither.
            raise _Refused(f"has the key {key[:60]!r} twice in one object")
        out[key] = value
    return out


def _too_deep(data: Any, max_depth: int) -> str | None:
    """The path of the first value deeper than ``max_depth``, or None (iterative: no recursion)."""
    stack: list[tuple[Any, str, int]] = [(data, "$", 1)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict):
            children = ((f"{path}.{key}", child) for key, child in value.items())
        elif isinstance(value, list):
            children = ((f"{path}[{index}]", child) for index, child in enumerate(value))
        else:
            continue
        if depth > max_depth:
            return path
        stack.extend((child, child_path, depth + 1) for child_path, child in children)
    return None


def _preview(body: bytes, limit: int = 80) -> str:
    text = body[:limit].decode("utf-8", "replace")
    return " ".join(text.split()) + ("…" if len(body) > limit else "")
