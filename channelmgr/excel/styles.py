"""The look every exported workbook shares: named styles, colours and column widths.

Named styles (one registration per workbook, then `cell.style = name`) are the public openpyxl
way to stamp a look on many cells cheaply, and they show up in Excel's style gallery, so a person
extending the sheet can reuse them. Shading that depends on the value (sold out, closed) is
conditional formatting instead, so it follows the person's edits.
"""

from __future__ import annotations

from copy import copy
from weakref import WeakKeyDictionary

from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter

HEADER_FILL = "DDEBF7"
KEY_FONT = "7F7F7F"
CODE_FILL = "F2F2F2"
WEEKEND_FILL = "FFF2CC"
HOLIDAY_FILL = "FCE4D6"
ALERT_FILL, ALERT_FONT = "FFC7CE", "9C0006"  # Excel's own "light red fill, dark red text"
WARN_FILL, WARN_FONT = "FFEB9C", "9C5700"
BAD_CELL_FILL = "FF0000"

FONT_NAME = "Calibri"
DATE_FORMAT = "yyyy-mm-dd"
YUAN_FORMAT = '"¥"#,##0.00'
PERCENT_FORMAT = "0.0%"

_THIN = Side(style="thin", color="BFBFBF")
_style_cache: WeakKeyDictionary = WeakKeyDictionary()  # workbook → {style name: style array}


def _fill(rgb: str) -> PatternFill:
    return PatternFill("solid", start_color=rgb, end_color=rgb)


def _style(name: str, *, bold=False, color=None, fill=None, number_format=None, align=None,
           wrap=False, border=False, size=None) -> NamedStyle:
    style = NamedStyle(name=name)
    # The font openpyxl gives unstyled cells; without a name LibreOffice falls back to a serif font.
    style.font = Font(name=FONT_NAME, bold=bold, color=color, size=size or 11)
    if fill:
        style.fill = _fill(fill)
    if number_format:
        style.number_format = number_format
    style.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
    if border:
        style.border = Border(bottom=_THIN)
    return style


# name → style; the names are what a person sees in Excel's style gallery.
_STYLES = [
    _style("cm header", bold=True, fill=HEADER_FILL, align="center", wrap=True, border=True),
    _style("cm key", color=KEY_FONT, fill=HEADER_FILL, align="center", size=9, border=True),
    _style("cm code", bold=True, fill=CODE_FILL),
    _style("cm name", fill=CODE_FILL),
    _style("cm date header", bold=True, fill=HEADER_FILL, number_format=DATE_FORMAT, align="center"),
    _style("cm date header weekend", bold=True, fill=WEEKEND_FILL, number_format=DATE_FORMAT, align="center"),
    _style("cm date header holiday", bold=True, fill=HOLIDAY_FILL, number_format=DATE_FORMAT, align="center"),
    _style("cm weekday", fill=HEADER_FILL, align="center", size=9, border=True),
    _style("cm weekday weekend", fill=WEEKEND_FILL, align="center", size=9, border=True),
    _style("cm weekday holiday", color=ALERT_FONT, fill=HOLIDAY_FILL, align="center", size=9, border=True),
    _style("cm date", number_format=DATE_FORMAT, align="center"),
    _style("cm yuan", number_format=YUAN_FORMAT),
    _style("cm percent", number_format=PERCENT_FORMAT),
    _style("cm text", wrap=True),
    _style("cm note", color=KEY_FONT, size=9),
    _style("cm title", bold=True, size=14),
]
STYLE_NAMES = frozenset(style.name for style in _STYLES)


def register_styles(workbook) -> None:
    """Make the named styles available in `workbook` (once, before any cell uses them)."""
    for style in _STYLES:
        if style.name not in workbook.named_styles:
            workbook.add_named_style(NamedStyle(**{k: getattr(style, k) for k in
                                                   ("name", "font", "fill", "border", "alignment", "number_format")}))


def styled(ws, value, style: str) -> WriteOnlyCell:
    """A write-only cell with one of the named styles."""
    cell = WriteOnlyCell(ws, value)
    # Assigning a named style looks it up and re-registers its parts on every cell (a third of a
    # two-year calendar export went there); the resulting style array is the same each time, so
    # the first one per workbook and style is kept and copied. `_style` is openpyxl's own slot
    # for exactly that array.
    cache = _style_cache.setdefault(ws.parent, {})
    array = cache.get(style)
    if array is None:
        cell.style = style
        cache[style] = copy(cell._style)
    else:
        cell._style = copy(array)
    return cell


def declare_size(ws, rows: int, columns: int) -> None:
    """Give a write-only sheet its <dimension> (call before the first row).

    openpyxl's write-only sheets leave it out, and without it every read-only reader (openpyxl
    included) parses a whole sheet just to learn its size: that doubled the time of importing a
    two-year calendar. The size is known before writing, so say it; openpyxl's writer asks the
    sheet for `calculate_dimension` and writes what it returns.
    """
    ref = f"A1:{get_column_letter(max(1, columns))}{max(1, rows)}"
    ws.calculate_dimension = lambda: ref


def set_widths(ws, widths: dict[int, float]) -> None:
    """Column widths by 1-based column number (write-only sheets need them before the first row)."""
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width


def fill_rule(formula: str, fill: str, font: str | None = None, stop: bool = True) -> Rule:
    """A conditional-format rule: `formula` true → the cell gets `fill` (and `font` colour)."""
    dxf = DifferentialStyle(fill=_fill(fill), font=Font(color=font) if font else None)
    return Rule(type="expression", formula=[formula], dxf=dxf, stopIfTrue=stop)


def wrapped_height(cells: list[tuple[str | None, float]], line_height: float = 15.0) -> float | None:
    """Row height for wrapped texts [(text, column width)]; None when one line suffices.

    Excel and LibreOffice do not grow a row for wrapped text in a file they did not lay out, so
    without this a long note overflows into the row below.
    """
    lines = max((-(-display_width(text) // max(1, int(width) - 1)) for text, width in cells if text), default=1)
    return lines * line_height if lines > 1 else None


def display_width(text: str) -> int:
    """How wide `text` shows in a cell, in Excel character units: CJK characters count double."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def print_fit_to_width(ws) -> None:
    """Landscape, all columns on one page wide (as many pages down as needed): for narrow tables."""
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
