"""The same code on a real PostgreSQL 15 server: demo data written and read back."""

import pytest

from channelmgr.db.engine import open_database
from channelmgr.demo import RESERVATIONS, load_demo
from channelmgr.services import Services

pytestmark = pytest.mark.postgres


def test_demo_roundtrip_on_postgres(postgres_url):
    db = open_database(postgres_url)
    try:
        assert db.engine.dialect.name == "postgresql"
        assert db.is_empty()
        load_demo(db)
        services = Services(db)
        [prop] = services.inventory.properties()
        assert (prop.code, prop.room_type_count, prop.room_count) == ("ERHAI", 6, 18)
        types = services.inventory.room_types(prop.id)
        assert [rt.code for rt in types] == ["LKV", "GTW", "FAM", "LFT", "CQN", "RTS"]
        assert types[0].rate_plans[1].parent_code == "BAR"
        assert len(services.reservations.list(prop.id)) == len(RESERVATIONS)
    finally:
        db.dispose()


def test_cli_works_against_postgres(postgres_url, capsys, monkeypatch):
    monkeypatch.setenv("CHANNELMGR_LANG", "zh")  # the default: names in Chinese
    from channelmgr.cli import main

    assert main(["--db", postgres_url, "init", "--demo"]) == 0
    assert main(["info", "--db", postgres_url]) == 0
    assert "云栖·洱海边的院子" in capsys.readouterr().out
