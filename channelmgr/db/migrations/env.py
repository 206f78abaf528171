"""Alembic environment: uses the engine handed over by channelmgr.db.migrate."""

from alembic import context

from channelmgr.db import models  # noqa: F401  (registers every table on Base.metadata)
from channelmgr.db.base import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things: batch mode copies the table, the portable way.
        render_as_batch=True,
        compare_type=True,
    )
    context.run_migrations()
