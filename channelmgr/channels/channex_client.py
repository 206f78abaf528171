"""Channex-style JSON over HTTP: the ``user-api-key`` header, and what each reply means.

The HTTP side (timeouts, network failures, 401/403 → FATAL, 429/5xx → RETRYABLE honouring
``Retry-After``) is ``http_transport``'s. What a Channex-style hub adds:

* ``200`` — applied. Per-item ``warnings`` (in ``meta.warnings`` or at the top) refuse exactly the
  values they name, by ``index`` into ``values[]`` or by echoing the value's ids and dates; the
  other values were applied → PARTIAL (REJECTED if every value was warned about). A warning that
  names no value we sent leaves us unable to tell what was applied: the request counts as refused
  (acknowledging too little only costs a resend).
* ``422`` — the hub read the request and refused all of it (validation) → REJECTED.
* other 4xx — FATAL (404: no such property at this endpoint).
* A reply that is not JSON (a proxy's page, a cut connection) → RETRYABLE; a hostile one (huge,
  nested too deep, NaN, a key twice) → FATAL. Either way nothing is acknowledged.

The API key travels only in its header; it is never logged nor put in a message.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from typing import Any

import requests

from channelmgr.channels.errors import FailureKind, ProtocolError
from channelmgr.channels.http_transport import HttpTransport, refused_reply
from channelmgr.channels.json_safety import parse_untrusted_json
from channelmgr.channels.opentravel_messages import OutgoingMessage
from channelmgr.channels.opentravel_responses import OtaIssue, RejectedRange
from channelmgr.channels.send_result import Outcome, SendResult, first_issues

API_KEY_HEADER = "user-api-key"
VALIDATION_FAILED = 422
# The fields a warning may echo to say which value it is about (when it gives no index).
_IDENTITY = ("room_type_id", "rate_plan_id", "date_from", "date_to")


class ChannexClient:
    def __init__(self, endpoint: str, api_key: str, *, timeout: tuple[float, float] = (5.0, 30.0),
                 session: requests.Session | None = None, clock=time.time) -> None:
        self._http = HttpTransport(endpoint, timeout=timeout, session=session, clock=clock)
        self.endpoint = self._http.endpoint
        self._api_key = api_key

    def __repr__(self) -> str:  # never the key
        return f"ChannexClient({self.endpoint!r})"

    def url_for(self, message: OutgoingMessage) -> str:
        return self._http.url_for(message)

    def send(self, message: OutgoingMessage) -> SendResult:
        headers = {API_KEY_HEADER: self._api_key, "Accept": "application/json"}
        if message.body:
            headers["Content-Type"] = "application/json"
        result = self._http.send(message, self._classify, headers=headers)
        if result.kind is FailureKind.AUTH:
            result = replace(result, detail=f"HTTP {result.http_status}: the channel refused our API key "
                                            "(check it with `channelmgr channel set NAME --password-env VAR`)")
        return result

    def _classify(self, message: OutgoingMessage, response: requests.Response) -> SendResult:
        status = response.status_code
        if status not in (200, 201, 202, VALIDATION_FAILED):
            return SendResult(Outcome.FATAL, message, f"HTTP {status}: {_error_text(response.content)}",
                              http_status=status, kind=FailureKind.CHANNEL_REFUSED)
        try:
            document = parse_untrusted_json(response.content, what=f"reply to {message.name}")
        except ProtocolError as exc:  # HostileJsonError included
            return refused_reply(message, status, exc)
        if status == VALIDATION_FAILED or document.get("errors"):
            issue = OtaIssue("error", _errors_of(document), code=str(status))
            rejected = tuple(RejectedRange(r, (issue,)) for r in message.ranges)
            return SendResult(Outcome.REJECTED, message, f"refused: {issue.text}", rejected=rejected,
                              http_status=status, kind=FailureKind.CHANNEL_REFUSED)
        return _judged(message, document, status, response.content)


def _judged(message: OutgoingMessage, document: dict[str, Any], status: int, content: bytes) -> SendResult:
    warnings = _warnings_of(document)
    refused: dict[int, list[OtaIssue]] = {}
    unplaced: list[OtaIssue] = []
    sent = _values_sent(message) if warnings else []  # parsed once, not once per warning
    for warning in warnings:
        index, issue = _placed(message, warning, sent)
        if index is None:
            unplaced.append(issue)
        else:
            refused.setdefault(index, []).append(issue)
    if unplaced:
        issues = tuple(unplaced)
        rejected = tuple(RejectedRange(r, issues) for r in message.ranges)
        accepted: tuple = ()
    else:
        rejected = tuple(RejectedRange(message.items[i], tuple(refused[i])) for i in sorted(refused))
        accepted = tuple(r for i, r in enumerate(message.items) if i not in refused)
    if not rejected:
        detail = f"{len(accepted)} values applied" if message.items else "accepted"
        return SendResult(Outcome.OK, message, detail, accepted, http_status=status, reply=content)
    outcome = Outcome.PARTIAL if accepted else Outcome.REJECTED
    head = f"{len(accepted)} applied, {len(rejected)} refused: " if accepted else f"all {len(rejected)} refused: "
    return SendResult(outcome, message, head + first_issues(rejected), accepted, rejected, http_status=status,
                      reply=content, kind=FailureKind.CHANNEL_REFUSED)


def _warnings_of(document: dict[str, Any]) -> list[Any]:
    meta = document.get("meta")
    found = meta.get("warnings") if isinstance(meta, dict) else None
    if found is None:
        found = document.get("warnings")
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def _placed(message: OutgoingMessage, warning: Any, sent: list[dict[str, Any]]) -> tuple[int | None, OtaIssue]:
    """The 0-based value the warning is about (None: it names none we sent) and its issue;
    ``sent``: the values of the request, as sent."""
    if not isinstance(warning, dict):
        return None, OtaIssue("warning", str(warning)[:200])
    text = _text_of(warning.get("warning") or warning.get("message") or warning.get("title") or warning)
    index = warning.get("index")
    if type(index) is int and 0 <= index < len(message.items):
        return index, OtaIssue("warning", text, record_id=str(index + 1))
    if index is None:
        echoed = {k: warning[k] for k in _IDENTITY if k in warning}
        if echoed:
            for number, value in enumerate(sent):
                if all(value.get(k) == v for k, v in echoed.items()):
                    return number, OtaIssue("warning", text, record_id=str(number + 1))
    return None, OtaIssue("warning", f"{text} (names no value we sent: {_text_of(warning)[:120]})")


def _values_sent(message: OutgoingMessage) -> list[dict[str, Any]]:
    # Our own bytes, just sent: trusted.
    return json.loads(message.body).get("values", []) if message.body else []


def _text_of(value: Any) -> str:
    if isinstance(value, dict):
        parts = [f"{k}: {_text_of(v)}" for k, v in value.items()]
        return "; ".join(parts)[:300]
    if isinstance(value, list):
        return ", ".join(_text_of(v) for v in value)[:300]
    return str(value)[:300]


def _errors_of(document: dict[str, Any]) -> str:
    errors = document.get("errors")
    if isinstance(errors, dict):
        title = errors.get("title") or errors.get("code") or "validation failed"
        details = errors.get("details")
        return f"{_text_of(title)}" + (f" ({_text_of(details)})" if details else "")
    return _text_of(errors) if errors else "validation failed (no details given)"


def _error_text(body: bytes) -> str:
    try:
        return _errors_of(parse_untrusted_json(body, what="error reply"))
    except ProtocolError:
        return "no readable error in the reply"

