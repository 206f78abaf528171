"""Alembic, driven from code: the app upgrades any database it opens to the newest revision.

There is no alembic.ini to find at run time; the configuration is built here so the installed
app and the tests upgrade the same way. Developers add a revision with
``python -m channelmgr.db.migrate revision -m "what changed"`` (autogenerate against a scratch
SQLite file at head).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def upgrade_to_head(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "head")


def _autogenerate_revision(message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/scratch.sqlite3")
        upgrade_to_head(engine)
        command.revision(alembic_config(engine), message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":  # pragma: no cover - developer tool
    if len(sys.argv) >= 4 and sys.argv[1] == "revision" and sys.argv[2] == "-m":
        _autogenerate_revision(sys.argv[3])
    else:
        sys.exit('usage: python -m channelmgr.db.migrate revision -m "message"')
