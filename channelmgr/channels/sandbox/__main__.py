"""``python -m channelmgr.channels.sandbox --port 8765 [--config listings.json]``.

``channelmgr sandbox`` calls :func:`main` with its own arguments and, as defaults, the listings the
demo homestay's channels push to (channelmgr.sync.demo_channels). Run directly without ``--config``,
the sandbox serves one demo listing (hotel DEMO, user demo / password demo, rooms DBL TWN FAM,
rates BAR NRF).
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import Sequence

from channelmgr.channels.sandbox.listings import DEMO_LISTING, ListingConfig, load_listings
from channelmgr.channels.sandbox.server import serve


def main(argv: list[str] | None = None, default_listings: Sequence[ListingConfig] | None = None) -> int:
    """Run until Ctrl-C. Without ``--config`` it serves ``default_listings`` (else the DEMO listing)."""
    parser = argparse.ArgumentParser(prog="channelmgr sandbox", description="Run the local sandbox OTA.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    parser.add_argument("--config", help="JSON file with the listings (see channelmgr/channels/sandbox/listings.py)")
    args = parser.parse_args(argv)
    try:
        listings = load_listings(args.config) if args.config else list(default_listings or [DEMO_LISTING])
    except (OSError, ValueError, TypeError) as exc:
        print(f"cannot load {args.config}: {exc}", file=sys.stderr)
        return 2
    handle = serve(args.host, args.port, listings=listings)
    print(f"Sandbox OTA at {handle.url}/  (Ctrl-C to stop)")
    for config in listings:
        if config.rate_plans:  # a Channex-style hub: its own endpoint, an API key and no user
            print(f"  listing {config.hotel_code}: Channex-style endpoint {handle.channex_endpoint(config.hotel_code)}"
                  "  (API key in user-api-key)")
        else:
            print(f"  listing {config.hotel_code}: endpoint {handle.endpoint(config.hotel_code)}  user {config.username}")
    print(f"  a guest books with POST {handle.url}/api/book/{{hotel}} "
          '{"room": …, "rate": …, "arrival": "YYYY-MM-DD", "departure": "YYYY-MM-DD"}')
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        handle.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
