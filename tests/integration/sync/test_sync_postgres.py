"""The sync engine on PostgreSQL: the same passes, acknowledgements upserted the PostgreSQL way."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from channelmgr.db.engine import open_database
from channelmgr.db.models import AckedState
from tests.support.sync_world import build_world
from tests.support.actors import TEST_ACTOR

pytestmark = pytest.mark.postgres


def test_push_full_resync_and_refusals_on_postgres(postgres_url, ota, today):
    db = open_database(postgres_url)
    world = build_world(db, ota, today)
    try:
        assert world.push().in_sync
        assert world.remote() == world.desired()
        report = world.sync.full_resync(world.channel_id, actor=TEST_ACTOR).result(timeout=30)  # every row upserted again
        assert report.in_sync and report.cells_acknowledged == len(world.desired())
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(AckedState)) == len(world.desired())
        assert world.sync.dry_run(world.channel_id).cells == 0
    finally:
        world.sync.shutdown()
        db.dispose()
