"""channelmgr core: rooms, calendar, prices, channels and reservations — no Qt in here.

The desktop UI (package ``ui``) and the command line (``channelmgr.cli``) both sit on top of
``channelmgr.services``; nothing in this package may import PySide6 (tests/core/test_no_qt.py).
"""

__version__ = "0.1.0"
