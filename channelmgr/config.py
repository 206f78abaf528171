"""Where the data lives and which database to open.

Precedence for the database URL: ``--db URL`` on the command line, then the ``CHANNELMGR_DB``
environment variable, then an SQLite file in the user's data folder (platformdirs), which is the
embedded default for a single desk.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "channelmgr"
ENV_DB = "CHANNELMGR_DB"
ENV_DATA_DIR = "CHANNELMGR_DATA_DIR"


def data_dir() -> Path:
    """The folder for the default database, photos and exports; created on first use.

    ``CHANNELMGR_DATA_DIR`` moves it (tests and portable installs use that).
    """
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    """Where the daily backups go unless Settings › Backups names another folder (not created here)."""
    return data_dir() / "backups"


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'channelmgr.sqlite3'}"


def resolve_db_url(cli_value: str | None = None) -> tuple[str, bool]:
    """Return (url, is_default). The default database gets the demo homestay when empty."""
    if cli_value:
        return cli_value, False
    env = os.environ.get(ENV_DB)
    if env:
        return env, False
    return default_db_url(), True
