"""Thin shim so `python main.py` works from a checkout; the real entry point is `channelmgr`."""

import sys

from channelmgr.cli import main

if __name__ == "__main__":
    sys.exit(main())
