"""Property details: changed all or nothing, refused with the field named, audited."""

import json
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from channelmgr.actor import Actor
from channelmgr.db.models import AuditEntry, Property
from channelmgr.inventory.property_details import PropertyDetailsInvalid

OWNER = Actor("owner", "settings page")


def _pid(services):
    return services.inventory.property_id(None)


def test_changed_fields_are_saved_and_audited_with_before_and_after(demo_services):
    details = demo_services.properties.details(_pid(demo_services))
    assert details.code == "ERHAI" and details.currency == "CNY" and details.timezone == "Asia/Shanghai"
    saved = demo_services.properties.update(OWNER, details.changed(address=" 大理市喜洲镇海东路 8 号 ",
                                                                   phone="+86 872 555 0101"))
    assert saved.address == "大理市喜洲镇海东路 8 号" and saved.phone == "+86 872 555 0101"
    assert demo_services.properties.details(details.id) == saved
    with demo_services.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "property", AuditEntry.action == "update")).one()
        assert (entry.actor, entry.cause, entry.entity_id) == ("owner", "settings page", str(details.id))
        assert entry.after == {"address": "大理市喜洲镇海东路 8 号", "phone": "+86 872 555 0101"}
        assert set(entry.before) == {"address", "phone"}


def test_saving_unchanged_details_records_nothing(demo_services):
    details = demo_services.properties.details(_pid(demo_services))
    demo_services.properties.update(OWNER, details.changed(name_zh=details.name_zh))
    with demo_services.db.session() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.entity == "property", AuditEntry.action == "update")).all() == []


@pytest.mark.parametrize("field, value, words", [
    ("name_zh", "  ", "请填写中文名称"),
    ("timezone", "Asia/Dali", "未知时区"),
    ("timezone", "../../etc/passwd", "未知时区"),
    ("phone", "call me", "不是电话号码"),
    ("address", "x" * 501, "最多 500 个字"),
    ("name_en", "two\nlines", "换行"),
])
def test_bad_field_is_refused_by_name_and_nothing_is_written(demo_services, field, value, words):
    details = demo_services.properties.details(_pid(demo_services))
    with pytest.raises(PropertyDetailsInvalid) as refused:
        demo_services.properties.update(OWNER, details.changed(**{"address": "新地址", field: value}))
    assert refused.value.field == field and words in refused.value.message("zh")
    assert field in str(refused.value)
    assert demo_services.properties.details(details.id) == details


def test_a_new_time_zone_moves_tonight_for_the_prices(demo_services):
    pid = _pid(demo_services)
    # 20:00 UTC is already tomorrow in Shanghai, still today in Los Angeles.
    demo_services.pricing.clock = lambda: datetime(2027, 3, 10, 20, 0, tzinfo=timezone.utc)
    assert demo_services.pricing.today(pid).isoformat() == "2027-03-11"
    details = demo_services.properties.details(pid)
    demo_services.properties.update(OWNER, details.changed(timezone="America/Los_Angeles"))
    assert demo_services.pricing.today(pid).isoformat() == "2027-03-10"
    with demo_services.db.session() as s:
        assert s.get(Property, pid).timezone == "America/Los_Angeles"


def test_cli_sets_details_and_rounding_and_names_a_bad_zone(sqlite_url, capsys):
    from channelmgr.cli import main

    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    assert main(["--db", sqlite_url, "property", "set", "--phone", "0872-5550101", "--rounding", "end8"]) == 0
    out = capsys.readouterr().out
    assert "0872-5550101" in out and "rounding end8" in out
    assert main(["--db", sqlite_url, "property", "set", "--timezone", "Mars/Base"]) == 2
    assert "unknown time zone 'Mars/Base'" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "property", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["phone"], shown["timezone"], shown["rounding"]) == ("0872-5550101", "Asia/Shanghai", "end8")
