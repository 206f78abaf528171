"""The PySide6 desktop front end. It only presents: every decision lives in ``channelmgr``."""
