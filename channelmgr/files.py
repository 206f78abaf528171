"""Writing a file so that no reader ever sees half of it.

Every export (workbooks, the sync log CSV, photos copied in) is written to a temporary file in the
target's own folder and renamed onto the target (``os.replace`` is atomic on one file system).
A reader — Excel, another desk, a test waiting for the export — sees either the old file or the
whole new one; an export that fails midway leaves the old file untouched and no temporary behind.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed onto ``path`` when the block ends
    without an error, deleted when it raises. The folder must exist (a missing one is the
    caller's FileNotFoundError, naming the path)."""
    target = Path(path)
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except FileNotFoundError as missing:  # name the folder the person typed, not our temporary
        raise FileNotFoundError(missing.errno, "no such folder", str(target.parent)) from None
    os.close(fd)
    try:
        yield Path(temp)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save_workbook(wb, path: str | Path) -> None:
    """``wb.save(path)``, atomically (openpyxl writes a zip member by member)."""
    try:
        with atomic_target(path) as temp:
            wb.save(temp)
    except FileNotFoundError:
        # Write-only sheets stream their rows into open generators; left unfinished, Python
        # prints their complaints when the workbook is dropped. Finishing them into memory
        # closes them cleanly; the caller still gets the error naming the missing folder.
        wb.save(io.BytesIO())
        raise
