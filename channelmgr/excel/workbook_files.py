"""Opening a workbook someone hands us, and refusing clearly what is not one.

openpyxl's own errors for a wrong file ("File is not a zip file", a KeyError for a missing part)
mean nothing to a homestay owner, so the file is looked at first: an OLE compound file (D0 CF 11
E0) is what Excel writes for a password-protected workbook (and for old .xls files); a zip
without the workbook part is some other document renamed .xlsx.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from xml.etree.ElementTree import ParseError

from lxml.etree import XMLSyntaxError

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from ..errors import UserError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')


class WorkbookUnreadable(UserError):
    """The file cannot be read as an .xlsx workbook; the message says what to do."""


def check_workbook_file(path: Path) -> None:
    """Raise WorkbookUnreadable unless `path` looks like an .xlsx workbook."""
    if not path.is_file():
        raise WorkbookUnreadable(f"{path}: no such file")
    with path.open("rb") as f:
        head = f.read(8)
    if head == OLE_SIGNATURE:
        raise WorkbookUnreadable(
            f"{path.name}: password-protected workbook (or an old .xls file); "
            "open it in Excel or WPS and save it as .xlsx without a password"
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookUnreadable(f"{path.name}: not an Excel workbook (.xlsx); save it from Excel or WPS as .xlsx")
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise WorkbookUnreadable(f"{path.name}: a zip file, but not an Excel workbook (.xlsx)")


def open_for_reading(path: Path) -> Workbook:
    """A read-only workbook with values (not formulas): fast and light for big calendars."""
    check_workbook_file(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged file can fail anywhere inside openpyxl
        raise WorkbookUnreadable(f"{path.name}: the workbook is damaged and cannot be read ({exc})") from None


@contextmanager
def damaged_file_errors(path: Path) -> Iterator[None]:
    """Read-only sheets are parsed while iterating: a broken or hostile XML part fails there.

    (openpyxl's parser refuses entities, so an XXE workbook ends up here too, not in a file read.)
    """
    try:
        yield
    except (ParseError, XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise WorkbookUnreadable(f"{path.name}: the workbook is damaged and cannot be read ({exc})") from None


def merged_ranges(worksheet) -> list[str]:
    """The merged ranges of a sheet ("B3:D3"); read-only sheets do not parse them, so read the XML."""
    if hasattr(worksheet, "merged_cells"):
        return [str(r) for r in worksheet.merged_cells.ranges]
    source = worksheet._get_source()  # the sheet's XML part; openpyxl exposes no public reader
    try:
        return [m.decode() for m in _MERGE_REF.findall(source.read())]
    finally:
        source.close()
