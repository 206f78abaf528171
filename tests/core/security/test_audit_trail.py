"""Every kind of change leaves an audit entry with the user, the time, the entity, the field
before → after and the cause; the trail is filtered and exported (CLI and core)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from channelmgr.cli import main
from channelmgr.security.audit_trail import AuditFilter
from channelmgr.services import Services
from tests.core.excel.helpers import edit, find_cell

from .test_cli_roles import demo_url, run_as  # noqa: F401  (the demo database fixture)
from tests.support.today import property_today


def _audit(monkeypatch, capsys, url, *filters):
    code, out, err = run_as(monkeypatch, capsys, "viewer", "audit", "--json", *filters, "--db", url)
    assert code == 0, err
    return json.loads(out)


def test_each_kind_of_change_is_audited_with_user_entity_field_and_cause(demo_url, monkeypatch, capsys, tmp_path):
    night = property_today() + timedelta(days=20)
    workbook = tmp_path / "calendar.xlsx"
    monkeypatch.setenv("NEW_PW", "a-new-pass-1")
    as_desk = [
        ["calendar", "edit", "--from", night.isoformat(), "--to", night.isoformat(), "--types", "LKV", "--close"],
        ["price", "set-base", "--room-type", "LKV", "--rate-plan", "BAR", "--price", "512", "--force"],
        ["price", "rule", "add", "审计测试", "--kind", "weekend", "--add", "30", "--force"],
        ["room", "add-range", "901-902", "--room-type", "LKV"],
        ["export", "calendar", "-o", str(workbook), "--from", night.isoformat()],
    ]
    for argv in as_desk:
        code, _, err = run_as(monkeypatch, capsys, "desk", *argv, "--db", demo_url)
        assert code == 0, (argv, err)
    ref = find_cell(workbook, "最少入住", ("LKV",), night + timedelta(days=1))
    edit(workbook, {("最少入住", ref): 4})
    code, _, err = run_as(monkeypatch, capsys, "desk", "import", "calendar", str(workbook), "--db", demo_url)
    assert code == 0, err
    code, out, _ = run_as(monkeypatch, capsys, "desk", "reservation", "list", "--json", "--db", demo_url)
    booking = next(b for b in json.loads(out) if b["status"] == "confirmed")
    assert run_as(monkeypatch, capsys, "desk", "reservation", "cancel", str(booking["id"]), "--db", demo_url)[0] == 0
    as_owner = [
        ["channel", "set", "ctrip", "--display-name", "携程审计"],
        ["channel", "unmap", "ctrip", "--room-type", "LKV", "--rate-plan", "BAR"],
        ["property", "set", "--phone", "0872-1234567"],
        ["user", "add", "clerk", "--role", "viewer", "--password-env", "NEW_PW"],
    ]
    for argv in as_owner:
        code, _, err = run_as(monkeypatch, capsys, "owner", *argv, "--db", demo_url)
        assert code == 0, (argv, err)

    rows = _audit(monkeypatch, capsys, demo_url)

    def one(user, entity, *, action=None, cause=None, field=None, before=None, after=None):
        for r in rows:
            if (r["user"], r["entity"]) != (user, entity) or (action and r["action"] != action):
                continue
            if cause and cause not in r["cause"]:
                continue
            for f, old, new in r["changes"]:
                if (field is None or field in f) and (before is None or old == before) and (after is None or new == after):
                    assert r["at"]  # when
                    return r
        raise AssertionError(f"no audit entry {user} {entity} {action} {field} {before}→{after}: "
                             f"{[(r['user'], r['entity'], r['action'], r['cause']) for r in rows]}")

    one("desk", "calendar", field=f"stop_sell {night.isoformat()}", before=False, after=True)
    one("desk", "rate_plan", field="base_price")
    one("desk", "price_rule", action="create")
    one("desk", "room", action="create")
    one("desk", "calendar", action="import", cause="import calendar.xlsx",
        field=f"min_stay {(night + timedelta(days=1)).isoformat()}", after=4)
    one("desk", "reservation", action="cancelled", field="status", before="confirmed", after="cancelled")
    one("owner", "channel", field="display_name", after="携程审计")
    one("owner", "channel", action="unmap")
    one("owner", "property", field="phone", after="0872-1234567")
    one("owner", "user", action="create", field="role", after="viewer")
    one("desk", "user", action="sign_in")  # and every sign-in


def test_filters_by_user_entity_text_and_date(demo_url, monkeypatch, capsys):
    assert run_as(monkeypatch, capsys, "desk", "price", "rule", "add", "审计周末", "--kind", "weekend", "--add", "20",
           "--force", "--db", demo_url)[0] == 0
    rows = _audit(monkeypatch, capsys, demo_url, "--by", "desk", "--entity", "price_rule")
    assert rows and all(r["user"] == "desk" and r["entity"] == "price_rule" for r in rows)
    assert _audit(monkeypatch, capsys, demo_url, "--search", "审计周末")
    assert not _audit(monkeypatch, capsys, demo_url, "--search", "no-such-text-anywhere")
    today = date.today()  # the audit's dates are the desk's (the machine's), not the property's
    assert _audit(monkeypatch, capsys, demo_url, "--from", today.isoformat(), "--to", (today + timedelta(days=1)).isoformat())
    assert not _audit(monkeypatch, capsys, demo_url, "--to", (today - timedelta(days=2)).isoformat())


def test_one_cells_history_answers_who_changed_this_price_and_when(demo_url, monkeypatch, capsys, db):
    night = property_today() + timedelta(days=30)
    for user, price in (("desk", "600"), ("owner", "620")):
        code, _, err = run_as(monkeypatch, capsys, user, "calendar", "edit", "--from", night.isoformat(), "--to",
                              night.isoformat(), "--types", "LKV", "--plans", "BAR", "--price", price, "--db", demo_url)
        assert code == 0, err
    services = Services.open(demo_url)
    try:
        lkv = services.inventory.room_type(services.inventory.property_id(None), "LKV").id
        rows = services.audit.query(AuditFilter(entity="calendar", entity_id=str(lkv), night=night))
        other_night = services.audit.query(AuditFilter(entity="calendar", entity_id=str(lkv),
                                                       night=night + timedelta(days=1)))
    finally:
        services.close()
    assert [(r.user, [c[2] for c in r.changes]) for r in rows] == [("owner", [62000]), ("desk", [60000])]
    assert rows[0].changes[0][1] == 60000  # before → after
    assert other_night == []


def test_export_to_excel_reads_back(demo_url, monkeypatch, capsys, tmp_path):
    run_as(monkeypatch, capsys, "owner", "property", "set", "--phone", "0872-7654321", "--db", demo_url)
    target = tmp_path / "audit.xlsx"
    code, out, err = run_as(monkeypatch, capsys, "viewer", "audit", "--entity", "property", "-o", str(target),
                            "--db", demo_url)
    assert code == 0, err
    ws = load_workbook(target).active
    header, *lines = list(ws.iter_rows(values_only=True))
    assert header[:3] == ("时间", "用户", "操作")  # on the desk's clock (see below)
    assert any(line[1] == "owner" and line[5] == "phone" and line[7] == "087****4321" for line in lines)  # masked


def test_the_change_line_shows_money_in_yuan_and_only_what_moved(demo_url, monkeypatch, capsys):
    assert run_as(monkeypatch, capsys, "owner", "price", "set-base", "--room-type", "LKV", "--rate-plan", "BAR",
                  "--price", "618", "--force", "--db", demo_url)[0] == 0
    code, out, err = run_as(monkeypatch, capsys, "viewer", "audit", "--entity", "rate_plan", "--db", demo_url)
    assert code == 0, err
    line = next(line for line in out.splitlines() if "LKV/BAR" in line)
    assert "base_price_minor: ¥588 → ¥618" in line and "61800" not in line
    assert run_as(monkeypatch, capsys, "owner", "channel", "set", "ctrip", "--display-name", "携程 Trip",
                  "--db", demo_url)[0] == 0
    code, out, err = run_as(monkeypatch, capsys, "viewer", "audit", "--entity", "channel", "--db", demo_url)
    line = next(line for line in out.splitlines() if "携程 Trip" in line)
    assert "endpoint" not in line  # unchanged fields are not listed


@pytest.fixture
def dali_clock(monkeypatch):
    """The desk's clock in China (UTC+8), whatever the machine running the test says."""
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_times_are_read_and_filtered_on_the_desks_clock(demo_url, dali_clock):
    from datetime import datetime

    from channelmgr.db.engine import open_database
    from channelmgr.db.models import AuditEntry

    db = open_database(demo_url)
    with db.session() as s:  # 17:30 UTC on 3 March is 01:30 on 4 March in Dali
        s.add(AuditEntry(at=datetime(2027, 3, 3, 17, 30), actor="owner", cause="test", action="set",
                         entity="setting", entity_id="night-owl"))
    trail = Services(db).audit
    on_the_4th = trail.query(AuditFilter(entity_id="night-owl", start=date(2027, 3, 4), end=date(2027, 3, 4)))
    assert [r.local_at for r in on_the_4th] == [datetime(2027, 3, 4, 1, 30)]
    assert trail.query(AuditFilter(entity_id="night-owl", start=date(2027, 3, 3), end=date(2027, 3, 3))) == []
    db.dispose()
