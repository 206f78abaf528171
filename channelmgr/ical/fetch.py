"""Downloading a feed: bounded in size and time, every failure said as a UserError."""

from __future__ import annotations

import requests

from ..errors import UserError
from .parse import MAX_FEED_BYTES

TIMEOUT = (10, 30)  # connect, read (seconds)


def fetch_feed(url: str) -> bytes:
    if not url.lower().startswith(("http://", "https://")):
        raise UserError(f"{url}: a feed URL starts with http:// or https://", f"{url}：日历网址须以 http:// 或 https:// 开头")
    try:
        with requests.get(url, timeout=TIMEOUT, stream=True) as response:
            if response.status_code != 200:
                raise UserError(f"{url}: the server answered {response.status_code}",
                                f"{url}：服务器返回 {response.status_code}")
            body = b""
            # Read one byte past the limit so the parser can say "too big" without holding a huge body.
            for chunk in response.iter_content(64 * 1024):
                body += chunk
                if len(body) > MAX_FEED_BYTES:
                    break
            return body
    except requests.RequestException as exc:
        raise UserError(f"{url}: could not download the feed ({exc.__class__.__name__})",
                        f"{url}：无法下载日历（{exc.__class__.__name__}）") from None
