"""Exports are written beside the target and renamed: never half a file, never a lost old one."""

from __future__ import annotations

import threading

import pytest
from openpyxl import Workbook, load_workbook

from channelmgr.files import atomic_target, save_workbook


def test_the_target_appears_only_when_complete(tmp_path):
    target = tmp_path / "out.csv"
    with atomic_target(target) as temp:
        temp.write_text("half")
        assert not target.exists()  # a reader polling for the file sees nothing yet
        temp.write_text("half and the rest")
    assert target.read_text() == "half and the rest"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary left behind


def test_a_failed_export_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"the old report")
    with pytest.raises(RuntimeError):
        with atomic_target(target) as temp:
            temp.write_bytes(b"new but broken")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_a_reader_never_sees_a_partial_workbook(tmp_path):
    target = tmp_path / "big.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("data")
    for i in range(20000):
        ws.append([i, f"row {i}", i * 1.5])
    seen = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            if target.exists():
                seen.append(target.stat().st_size)
    t = threading.Thread(target=reader)
    t.start()
    try:
        save_workbook(wb, target)
    finally:
        stop.set()
        t.join()
    final = target.stat().st_size
    assert all(size == final for size in seen)  # whenever the file existed, it was the whole file
    assert sum(1 for _ in load_workbook(target, read_only=True)["data"].iter_rows()) == 20000


def test_a_missing_folder_is_the_callers_error_naming_the_path(tmp_path):
    with pytest.raises(FileNotFoundError) as missing:
        with atomic_target(tmp_path / "nope" / "x.xlsx"):
            pass
    assert "nope" in str(missing.value)
