"""The holiday line of the calendar's date header: the full name where it fits, else a short
form made for the purpose — never an English name cut to its first letters ("Ne")."""

from datetime import date

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from channelmgr.inventory.day_marks import day_marks
from ui import i18n
from ui.calendar.view import DateHeaderView

HOLIDAYS_2026 = [m for m in day_marks(date(2026, 1, 1), date(2027, 1, 1)) if m.is_holiday]


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    i18n.install_language(request.param)
    yield request.param
    i18n.install_language("en")


@pytest.mark.parametrize("width", [34, 40, 48, 60, 90, 140])
def test_holiday_line_fits_or_is_a_designed_short_form(language, width):
    font = QFont()
    metrics = QFontMetrics(font)
    seen = set()
    for day in HOLIDAYS_2026:
        line = DateHeaderView._third_line(day, font, width)
        seen.add(day.holiday_zh)
        full = day.holiday_zh if language == "zh_CN" else day.holiday_en
        if metrics.horizontalAdvance(full) <= width - 4:
            assert line == full
        elif language == "zh_CN":
            assert line == full[:2]
        else:  # whole words or an abbreviation, never a word cut off ("Ne" of "New Year's Day")
            assert line, full
            if full.startswith(line):
                assert not full[len(line)].isalpha(), (full, line)
            assert metrics.horizontalAdvance(line) <= max(width, 40), (full, line)
    assert {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"} <= seen
