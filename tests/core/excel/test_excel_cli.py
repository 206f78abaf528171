"""`channelmgr export` / `channelmgr import`: files written, problems printed, exit codes."""

from __future__ import annotations

from openpyxl import load_workbook

from channelmgr.cli import main

from .helpers import edit


def test_export_then_import_unchanged_exits_zero(sqlite_url, tmp_path, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    path = tmp_path / "cal.xlsx"
    assert main(["--db", sqlite_url, "export", "calendar", "-o", str(path)]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "import", "calendar", str(path), "--dry-run"]) == 0
    assert "No changes" in capsys.readouterr().out


def test_import_with_problems_exits_non_zero_and_prints_cells(sqlite_url, tmp_path, capsys):
    main(["--db", sqlite_url, "init", "--demo"])
    path = tmp_path / "rooms.xlsx"
    assert main(["--db", sqlite_url, "export", "rooms", "-o", str(path)]) == 0
    ws = load_workbook(path)["房型"]
    bed = next(c.column_letter for c in ws[2] if c.value == "bed_type")
    edit(path, {("房型", f"{bed}3"): "水床"})
    capsys.readouterr()
    assert main(["--db", sqlite_url, "import", "rooms", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"房型!{bed}3: 水床 — unknown choice" in err
    assert "nothing was applied" in err and "rooms.problems.xlsx" in err


def test_dry_run_lists_counts_and_applies_nothing(sqlite_url, tmp_path, capsys):
    main(["--db", sqlite_url, "init", "--demo"])
    path = tmp_path / "rooms.xlsx"
    main(["--db", sqlite_url, "export", "rooms", "-o", str(path)])
    ws = load_workbook(path)["房型"]
    area = next(c.column_letter for c in ws[2] if c.value == "area_sqm")
    edit(path, {("房型", f"{area}3"): 99})
    capsys.readouterr()
    assert main(["--db", sqlite_url, "import", "rooms", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Would change 1 cell(s)." in out and "area_sqm: 1" in out and "room type LKV: 1" in out
    assert main(["--db", sqlite_url, "import", "rooms", str(path), "--dry-run"]) == 0  # still pending: not applied
    assert "Would change 1" in capsys.readouterr().out


def test_not_a_workbook_is_one_clear_line(sqlite_url, tmp_path, capsys):
    main(["--db", sqlite_url, "init", "--demo"])
    path = tmp_path / "notes.xlsx"
    path.write_text("hello")
    assert main(["--db", sqlite_url, "import", "calendar", str(path)]) == 2
    err = capsys.readouterr().err
    assert "not an Excel workbook" in err and "Traceback" not in err


def test_export_extranet_needs_a_channel(sqlite_url, tmp_path, capsys):
    main(["--db", sqlite_url, "init", "--demo"])
    assert main(["--db", sqlite_url, "export", "extranet", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert main(["--db", sqlite_url, "export", "extranet", "--channel", "meituan",
                 "-o", str(tmp_path / "x.xlsx")]) == 0
    assert main(["--db", sqlite_url, "export", "reservations", "-o", str(tmp_path / "r.xlsx")]) == 0
    assert main(["--db", sqlite_url, "export", "rooms", "--lang", "en", "-o", str(tmp_path / "x.txt")]) == 2
