"""Backups of the SQLite database: made with SQLite's online backup API, checked, kept by a
retention policy, previewed and restored (see service.py)."""
