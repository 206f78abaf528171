"""Every catalog attribute as a form: one tab per catalog group, generated, built as it is needed.

The form is made from `catalog.GROUPS` and `attributes_in_group`, so a new attribute shows up
with no change here. Only the first tab is built when the form opens; the others are built
one per event-loop turn right after (or at once when something needs a field on them), which
keeps opening a 100-field form quick. Until its tab is built, a field's value is the one it was
loaded with; nobody can have changed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QTabWidget, QWidget

from channelmgr.catalog import GROUPS, Attribute, Group, Kind, Problem, attributes_in_group
from channelmgr.roomtypes import typed_record

from .field_factory import build_field
from .fields import AttributeField, FieldEnv
from .language import label, mnemonic_safe, problem_text
from .photo_field import PhotoListField

PROBLEM_COLOUR = "#b00020"
BACKGROUND_BUILD_DELAY_MS = 40  # long enough for the window's first paint to go first


@dataclass
class _Tab:
    group: Group
    attributes: tuple[Attribute, ...]
    scroll: QScrollArea
    built: bool = False


class AttributeForm(QTabWidget):
    edited = Signal()  # a person changed something (loading a record is not an edit)

    def __init__(self, env: FieldEnv, parent: QWidget | None = None):
        super().__init__(parent)
        self.env = env
        self.setUsesScrollButtons(True)
        self._fields: dict[str, AttributeField] = {}
        self._messages: dict[str, QLabel] = {}
        self._tabs: list[_Tab] = []
        self._tab_of: dict[str, int] = {}
        self._loaded: dict[str, Any] = {}  # typed values as loaded, for fields not built yet
        self._loaded_captions: dict[str, str] = {}
        self._problems: list[Problem] = []
        self._tab_counts: list[int] = []
        self._loading = False
        for group in GROUPS:
            attributes = attributes_in_group(group)
            if not attributes:
                continue
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            for attribute in attributes:
                self._tab_of[attribute.key] = len(self._tabs)
            self._tabs.append(_Tab(group, attributes, scroll))
            self.addTab(scroll, mnemonic_safe(label(group, env.lang)))
        self._snapshot: tuple[dict, dict] = ({}, {})
        self._problem_palette = QPalette(self.palette())
        self._problem_palette.setColor(QPalette.ColorRole.WindowText, QColor(PROBLEM_COLOUR))
        self.currentChanged.connect(self._build_tab)
        self._build_tab(0)
        self._background_build_started = False

    # --- values ------------------------------------------------------------------------------
    def load(self, stored: Mapping[str, Any], captions: Mapping[str, str]) -> None:
        """Show a stored record; what is shown now counts as unchanged."""
        self._loaded = typed_record(stored)
        self._loaded_captions = dict(captions)
        self._loading = True
        for key, field in self._fields.items():
            self._fill(field)
        self._loading = False
        self._snapshot = (self.values(), self.captions())

    def values(self) -> dict[str, Any]:
        """What the form holds, as typed ({key: value}; None or "" = not filled), in catalog order."""
        return {key: self._fields[key].value() if key in self._fields else self._loaded.get(key)
                for key in self._tab_of}

    def captions(self) -> dict[str, str]:
        captions: dict[str, str] = {}
        for key in self._photo_keys():
            if key in self._fields:
                captions.update(self._fields[key].captions())
            else:
                captions.update({ref: self._loaded_captions[ref] for ref in self._loaded.get(key) or ()
                                 if ref in self._loaded_captions})
        return captions

    def is_dirty(self) -> bool:
        return (self.values(), self.captions()) != self._snapshot

    def field(self, key: str) -> AttributeField:
        """The field of `key`, its tab built if it was not yet."""
        self._build_tab(self._tab_of[key])
        return self._fields[key]

    def message(self, key: str) -> QLabel:
        """The label under the field where its problems are shown."""
        self._build_tab(self._tab_of[key])
        return self._messages[key]

    def tab_of(self, key: str) -> int:
        return self._tab_of[key]

    # --- problems and going to a field ----------------------------------------------------
    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem under its field (in the UI language); tabs with problems say how many."""
        self._problems = problems
        by_key: dict[str, list[str]] = {}
        for problem in problems:
            if problem.key in self._tab_of:
                by_key.setdefault(problem.key, []).append(problem_text(problem, self.env.lang))
        separator = "；" if self.env.lang == "zh" else "; "
        for key, message in self._messages.items():
            message.setText(separator.join(by_key.get(key, [])))
            message.setVisible(key in by_key)
        counts = [0] * len(self._tabs)
        for key in by_key:
            counts[self._tab_of[key]] += 1
        if counts == self._tab_counts:
            return
        self._tab_counts = counts
        for index, tab in enumerate(self._tabs):
            self.setTabText(index, mnemonic_safe(label(tab.group, self.env.lang))
                            + (f" ({counts[index]})" if counts[index] else ""))
            self.tabBar().setTabTextColor(index, QColor(PROBLEM_COLOUR) if counts[index] else QColor())

    def focus_field(self, key: str) -> None:
        """Show the field's tab, scroll it into view and put the cursor in it."""
        if key not in self._tab_of:
            return
        field = self.field(key)
        index = self._tab_of[key]
        self.setCurrentIndex(index)
        scroll = self._tabs[index].scroll
        _scroll_into_view(scroll, field.widget)
        # A tab shown for the first time is only laid out once events run: scroll again then.
        QTimer.singleShot(0, self, lambda: _scroll_into_view(scroll, field.widget))
        field.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def fully_built(self) -> bool:
        return all(tab.built for tab in self._tabs)

    # --- building ------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._background_build_started:
            self._background_build_started = True
            # The rest is built after the first paint, one tab per turn of the event loop, so the
            # window appears at once and stays responsive. (With self as the timer's context, a
            # form closed in between is simply not built further.)
            QTimer.singleShot(BACKGROUND_BUILD_DELAY_MS, self, self._build_next_tab)

    def _build_next_tab(self) -> None:
        pending = next((i for i, tab in enumerate(self._tabs) if not tab.built), None)
        if pending is not None:
            self._build_tab(pending)
            QTimer.singleShot(0, self, self._build_next_tab)

    def _build_tab(self, index: int) -> None:
        if not 0 <= index < len(self._tabs) or self._tabs[index].built:
            return
        tab = self._tabs[index]
        tab.built = True
        page = QWidget()
        grid = QGridLayout(page)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(12)
        row = column = 0
        self._loading = True
        for attribute in tab.attributes:
            field = build_field(attribute, self.env)
            caption = QLabel(mnemonic_safe(label(attribute, self.env.lang)) + (" *" if attribute.required else ""))
            caption.setBuddy(field.focus_widget())
            caption.setToolTip(field.widget.toolTip())
            message = QLabel()
            message.setObjectName(f"message_{attribute.key}")
            message.setWordWrap(True)
            message.setPalette(self._problem_palette)  # a palette, not a style sheet: 100 of those slow the first paint
            message.hide()
            if field.wide and column:  # a wide field starts a row of its own
                row, column = row + 2, 0
            span = 3 if field.wide else 1
            align = Qt.AlignmentFlag.AlignTop if field.wide else Qt.AlignmentFlag.AlignVCenter
            grid.addWidget(caption, row, column * 2, align)
            grid.addWidget(field.widget, row, column * 2 + 1, 1, span)
            grid.addWidget(message, row + 1, column * 2 + 1, 1, span)
            column = 0 if field.wide or column else 1
            row += 2 if column == 0 else 0
            self._fields[attribute.key] = field
            self._messages[attribute.key] = message
            self._fill(field)
            field.on_change(self._changed)
            # Built from the loaded value, so "unchanged" is whatever the widget shows for it
            # ("32" loads as "32.0" into a spin box with one decimal).
            self._snapshot[0][attribute.key] = field.value()
        self._loading = False
        grid.setRowStretch(row + 2, 1)
        tab.scroll.setWidget(page)
        self.show_problems(self._problems)

    def _fill(self, field: AttributeField) -> None:
        key = field.attribute.key
        if isinstance(field, PhotoListField):
            field.set_photos(self._loaded.get(key), self._loaded_captions)
        else:
            field.set_value(self._loaded.get(key))

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _photo_keys(self) -> list[str]:
        return [a.key for tab in self._tabs for a in tab.attributes if a.kind is Kind.PHOTOS]


def _scroll_into_view(scroll: QScrollArea, widget: QWidget) -> None:
    # Not ensureWidgetVisible: for a text box it only brings the text cursor into view, which
    # leaves most of a tall field (house rules, descriptions) below the edge.
    top = widget.mapTo(scroll.widget(), QPoint(0, 0)).y()
    scroll.ensureVisible(0, top + widget.height(), 0, 16)  # the bottom edge first,
    scroll.ensureVisible(0, top, 0, 16)  # then the top, which wins when the field is taller than the view
