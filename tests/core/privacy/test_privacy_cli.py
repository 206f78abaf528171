"""Through the command line: phone numbers masked in every export that has them, ``--unmasked``
only for the administrator and audited, ``privacy purge`` refused to the other roles."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from channelmgr.cli import main
from channelmgr.db.engine import open_database
from channelmgr.db.models import AuditEntry, Reservation
from channelmgr.demo import load_demo
from channelmgr.privacy.masking import mask_phone, mask_text
from channelmgr.privacy.service import PURGED
from channelmgr.demo import RESERVATIONS
from tests.support.today import property_today

PASSWORDS = {"owner": "demo-owner-1", "desk": "demo-desk-1", "viewer": "demo-viewer-1"}
PHONE = re.compile(r"1[3-9]\d{9}")


@pytest.fixture
def demo_url(sqlite_url):
    # a demo 500 days ago: its eight bookings have all checked out 490 days or more ago
    db = open_database(sqlite_url)
    load_demo(db, today=property_today() - timedelta(days=500), accounts=True)
    db.dispose()
    return sqlite_url


def run_as(monkeypatch, capsys, name, *argv):
    monkeypatch.setenv("CHANNELMGR_USER", name)
    monkeypatch.setenv("CHANNELMGR_PASSWORD", PASSWORDS[name])
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _cells(path):
    wb = load_workbook(path, read_only=True)
    return [str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None]


def _audit(url, action):
    db = open_database(url)
    try:
        with db.session() as s:
            return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))
    finally:
        db.dispose()


def test_mask_phone_and_text():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138 1234 5678") == "+86 138****5678" and mask_phone("+44 20 7946 0958") == "442****0958"
    assert mask_phone("12345") == "****" and mask_phone("") == ""
    assert mask_text("call 13812345678 or +86 139 0000 1111 on 2026-12-06, ¥1764, #C-20260601") == \
        "call 138****5678 or +86 139****1111 on 2026-12-06, ¥1764, #C-20260601"


def test_reservations_export_masks_phones_unless_the_administrator_opts_in(demo_url, monkeypatch, capsys, tmp_path):
    masked, clear = tmp_path / "masked.xlsx", tmp_path / "clear.xlsx"
    assert run_as(monkeypatch, capsys, "viewer", "--db", demo_url, "export", "reservations", "-o", str(masked))[0] == 0
    cells = _cells(masked)
    assert "138****0001" in cells and not [c for c in cells if PHONE.search(c)]
    with zipfile.ZipFile(masked) as z:  # nor anywhere in the file (shared strings, sheet XML)
        assert not any(PHONE.search(z.read(n).decode("utf-8", "replace")) for n in z.namelist())
    assert _audit(demo_url, "unmasked_export") == []

    code, out = run_as(monkeypatch, capsys, "owner", "--db", demo_url, "export", "reservations", "-o", str(clear),
                       "--unmasked")
    assert code == 0 and "13800000001" in _cells(clear)
    [entry] = _audit(demo_url, "unmasked_export")
    assert (entry.actor, entry.entity_id, entry.after["file"]) == ("owner", "reservations", "clear.xlsx")


@pytest.mark.parametrize("who", ["desk", "viewer"])
def test_unmasked_export_and_purge_are_refused_to_other_roles(demo_url, monkeypatch, capsys, tmp_path, who):
    target = tmp_path / "clear.xlsx"
    code, out = run_as(monkeypatch, capsys, who, "--db", demo_url, "export", "reservations", "-o", str(target),
                       "--unmasked")
    assert code != 0 and "may not change settings" in out
    assert not target.exists()
    code, out = run_as(monkeypatch, capsys, who, "--db", demo_url, "privacy", "purge", "--older-than", "30")
    assert code != 0 and "may not change settings" in out
    code, out = run_as(monkeypatch, capsys, who, "--db", demo_url, "privacy", "period", "365")
    assert code != 0
    refused = [e for e in _audit(demo_url, "refused") if e.entity_id == "settings"]
    assert len(refused) == 3 and all(e.actor == who for e in refused)
    db = open_database(demo_url)
    with db.session() as s:
        assert PURGED not in {r.guest_name for r in s.scalars(select(Reservation))}
    db.dispose()


def test_purge_from_the_cli_dry_run_then_for_real(demo_url, monkeypatch, capsys):
    code, out = run_as(monkeypatch, capsys, "owner", "--db", demo_url, "privacy", "purge")
    assert code != 0 and "No purge period" in out
    code, out = run_as(monkeypatch, capsys, "owner", "--db", demo_url, "privacy", "purge", "--older-than", "400",
                       "--dry-run")
    assert code == 0 and f"Would purge the guest data of {len(RESERVATIONS)} booking(s)" in out
    assert _audit(demo_url, "purge") == []
    assert run_as(monkeypatch, capsys, "owner", "--db", demo_url, "privacy", "period", "400")[1].strip() == \
        "Automatic purge: 400 days after check-out"
    code, out = run_as(monkeypatch, capsys, "owner", "--db", demo_url, "privacy", "purge")
    assert code == 0 and f"Purged the guest data of {len(RESERVATIONS)} booking(s)" in out
    [entry] = _audit(demo_url, "purge")
    assert entry.after["reservations"] == len(RESERVATIONS) and "王芳" not in json.dumps(entry.after, ensure_ascii=False)
    code, out = run_as(monkeypatch, capsys, "owner", "--db", demo_url, "reservation", "list", "--json",
                       "--from", (property_today() - timedelta(days=510)).isoformat(),
                       "--to", (property_today() - timedelta(days=480)).isoformat())
    listed = json.loads(out)
    assert len(listed) == len(RESERVATIONS) and {b["guest_name"] for b in listed} == {PURGED}
    # the money stays for the reports
    assert sum(b["amount_minor"] for b in listed) == sum(amount for *_, amount, _lead in RESERVATIONS) * 100


def test_the_audit_export_masks_phones_unless_opted_in(demo_url, monkeypatch, capsys, tmp_path):
    assert run_as(monkeypatch, capsys, "owner", "--db", demo_url, "property", "set", "--phone", "13912345678")[0] == 0
    masked, clear = tmp_path / "audit.xlsx", tmp_path / "audit-clear.xlsx"
    assert run_as(monkeypatch, capsys, "owner", "--db", demo_url, "audit", "-o", str(masked))[0] == 0
    cells = _cells(masked)
    assert "139****5678" in cells and not [c for c in cells if "13912345678" in c]
    assert run_as(monkeypatch, capsys, "owner", "--db", demo_url, "audit", "-o", str(clear), "--unmasked")[0] == 0
    assert "13912345678" in _cells(clear)
    assert [e.entity_id for e in _audit(demo_url, "unmasked_export")] == ["audit"]
    code, out = run_as(monkeypatch, capsys, "desk", "--db", demo_url, "audit", "-o", str(tmp_path / "x.xlsx"),
                       "--unmasked")
    assert code != 0 and not (tmp_path / "x.xlsx").exists()
