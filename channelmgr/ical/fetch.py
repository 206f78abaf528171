"""Downloading a feed: bounded in size and time, conditional, every failure said as a UserError."""

from __future__ import annotations

from dataclasses import dataclass

import requests

from ..channels.errors import FailureKind, network_failure_kind
from ..errors import UserError
from .parse import MAX_FEED_BYTES

TIMEOUT = (10, 30)  # connect, read (seconds)


class FeedDownloadError(UserError):
    """The feed could not be downloaded; ``kind`` says why, for the reader's sentence."""

    def __init__(self, en: str, zh: str, kind: FailureKind):
        super().__init__(en, zh)
        self.kind = kind


@dataclass(frozen=True)
class FetchedFeed:
    body: bytes | None         # None: 304, the feed has not changed since the validators given
    etag: str | None = None
    last_modified: str | None = None


def fetch_feed(url: str) -> bytes:
    return fetch_if_changed(url).body or b""


def fetch_if_changed(url: str, *, etag: str | None = None, last_modified: str | None = None,
                     session: requests.Session | None = None, timeout=TIMEOUT) -> FetchedFeed:
    """GET the feed, with If-None-Match / If-Modified-Since when we hold the last reply's
    validators: Airbnb-style hosts are polled every few minutes, and a 304 costs them (and us)
    nothing."""
    if not url.lower().startswith(("http://", "https://")):
        raise FeedDownloadError(f"{url}: a feed URL starts with http:// or https://",
                                f"{url}：日历网址须以 http:// 或 https:// 开头", FailureKind.CONFIG)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    get = (session or requests).get
    try:
        with get(url, timeout=timeout, stream=True, headers=headers, allow_redirects=True) as response:
            if response.status_code == 304 and headers:
                return FetchedFeed(None, etag, last_modified)
            if response.status_code != 200:
                kind = FailureKind.SERVER_ERROR if response.status_code >= 500 else FailureKind.CHANNEL_REFUSED
                raise FeedDownloadError(f"{url}: the server answered {response.status_code}",
                                        f"{url}：服务器返回 {response.status_code}", kind)
            body = b""
            # Read one byte past the limit so the parser can say "too big" without holding a huge body.
            for chunk in response.iter_content(64 * 1024):
                body += chunk
                if len(body) > MAX_FEED_BYTES:
                    break
            return FetchedFeed(body, response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except requests.RequestException as exc:
        raise FeedDownloadError(f"{url}: could not download the feed ({exc.__class__.__name__})",
                                f"{url}：无法下载日历（{exc.__class__.__name__}）", network_failure_kind(exc)) from None
