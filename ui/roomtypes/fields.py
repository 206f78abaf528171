"""One editor field per catalog attribute, chosen by the attribute's kind.

A field owns its widget and speaks the *typed* form of the value (what a person would type:
text, a number, True/False, choice values, yuan for money); the core's `normalize` turns that
into the stored form and says what is wrong. `None` always means "not filled in", which every
widget here can show: spin boxes show "—" at their lowest step, yes/no is a three-way choice.

Adding an attribute to the catalog needs nothing here unless it brings a new kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from channelmgr.catalog import Attribute
from channelmgr.money import SYMBOLS

from .language import label, mnemonic_safe

NOT_FILLED = "—"


@dataclass
class FieldEnv:
    """What fields need from the editor: the language, and for photos the photo machinery."""

    lang: str
    currency: str = "CNY"
    photos: Any = None  # PhotoEnv (see photo_field.py), only for PHOTOS attributes


class AttributeField:
    """The base: a widget, its typed value, and a way to hear about changes."""

    wide = False  # spans the whole row (long text, lists)

    def __init__(self, attribute: Attribute, env: FieldEnv):
        self.attribute = attribute
        self.env = env
        self.widget = self._build()
        self.widget.setObjectName(f"field_{attribute.key}")
        help_text = attribute.help_zh if env.lang == "zh" else attribute.help_en
        if help_text:
            self.widget.setToolTip(help_text)

    def _build(self) -> QWidget:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def on_change(self, callback: Callable[[], None]) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self.widget


class TextField(AttributeField):
    def _build(self) -> QLineEdit:
        edit = QLineEdit()
        if self.attribute.key == "room_code":
            edit.setPlaceholderText("LKV")
        return edit

    def value(self) -> str:
        return self.widget.text()

    def set_value(self, value: Any) -> None:
        self.widget.setText("" if value is None else str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.textChanged.connect(lambda _text: callback())


class MultilineTextField(AttributeField):
    wide = True

    def _build(self) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        lines = 6 if (self.attribute.max_length or 0) >= 1000 else 3
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        return edit

    def value(self) -> str:
        return self.widget.toPlainText()

    def set_value(self, value: Any) -> None:
        self.widget.setPlainText("" if value is None else str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.textChanged.connect(callback)


class _NoWheelUnlessFocused(QObject):
    """Scrolling down a long form must not change the spin box or combo under the mouse."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()
            return True
        return False


_NO_WHEEL = _NoWheelUnlessFocused()


def _guard_wheel(widget: QWidget) -> QWidget:
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_NO_WHEEL)
    return widget


class _OptionalSpin:
    """Mix-in: one step below the attribute's minimum means "not filled", shown as "—".

    Clearing the text also means "not filled", so a value can be removed by deleting it.
    """

    first_value: int | float | None = None  # the lowest real value, one step above "—"

    def _bare(self, text: str) -> str:
        """The text without the prefix (¥) and suffix (m²) the spin box adds around the number."""
        text = text.strip()
        prefix, suffix = self.prefix().strip(), self.suffix().strip()
        if prefix and text.startswith(prefix):
            text = text[len(prefix):]
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
        return text.strip()

    def validate(self, text: str, pos: int):
        if self._bare(text) in ("", NOT_FILLED):
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str):
        if self._bare(text) in ("", NOT_FILLED):
            return self.minimum()
        return super().valueFromText(text)

    def is_unset(self) -> bool:
        return self.value() == self.minimum()

    def stepBy(self, steps: int) -> None:
        # From "—", the first step up lands on the attribute's lowest value, not a step above it.
        if self.is_unset() and steps > 0 and self.first_value is not None:
            self.setValue(self.first_value)
        else:
            super().stepBy(steps)


class OptionalSpinBox(_OptionalSpin, QSpinBox):
    pass


class OptionalDoubleSpinBox(_OptionalSpin, QDoubleSpinBox):
    pass


_FALLBACK_LIMIT = Decimal(1_000_000_000)


class IntegerField(AttributeField):
    def _build(self) -> QSpinBox:
        spin = _guard_wheel(OptionalSpinBox())
        low = int(self.attribute.min_value if self.attribute.min_value is not None else -_FALLBACK_LIMIT)
        high = int(self.attribute.max_value if self.attribute.max_value is not None else _FALLBACK_LIMIT)
        spin.setRange(low - 1, high)
        spin.first_value = low
        spin.setSpecialValueText(NOT_FILLED)
        if self.attribute.unit:
            spin.setSuffix(f" {self.attribute.unit}")
        spin.setValue(spin.minimum())
        return spin

    def value(self) -> int | None:
        return None if self.widget.is_unset() else self.widget.value()

    def set_value(self, value: Any) -> None:
        self.widget.setValue(self.widget.minimum() if value is None else int(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.valueChanged.connect(lambda _v: callback())


class DecimalField(AttributeField):
    """Decimals and money: a spin box with the unit (or currency) and the attribute's precision.

    The value goes out as text with exactly those decimals ("25.5"), never as a float, so the
    core reads the number the person saw.
    """

    def _places(self) -> int:
        return self.attribute.decimal_places if self.attribute.decimal_places is not None else 4

    def _scale(self) -> Decimal:
        return Decimal(1)

    def _build(self) -> QDoubleSpinBox:
        spin = _guard_wheel(OptionalDoubleSpinBox())
        places = self._places()
        step = Decimal(1).scaleb(-places)
        scale = self._scale()
        low = self.attribute.min_value if self.attribute.min_value is not None else -_FALLBACK_LIMIT
        high = self.attribute.max_value if self.attribute.max_value is not None else _FALLBACK_LIMIT
        spin.setDecimals(places)
        spin.setRange(float(low / scale - step), float(high / scale))
        spin.first_value = float(low / scale)
        spin.setSingleStep(0.1 if places >= 2 and scale == 1 else 1.0)  # bed widths by 10 cm, areas by 1 m²
        spin.setSpecialValueText(NOT_FILLED)
        self._decorate(spin)
        spin.setValue(spin.minimum())
        return spin

    def _decorate(self, spin: QDoubleSpinBox) -> None:
        if self.attribute.unit:
            spin.setSuffix(f" {self.attribute.unit}")

    def value(self) -> str | None:
        if self.widget.is_unset():
            return None
        return f"{self.widget.value():.{self._places()}f}"

    def set_value(self, value: Any) -> None:
        self.widget.setValue(self.widget.minimum() if value is None else float(Decimal(str(value))))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.valueChanged.connect(lambda _v: callback())


class MoneyField(DecimalField):
    """Typed in yuan (limits are stored in fen), shown with the property's currency sign."""

    def _places(self) -> int:
        return 2

    def _scale(self) -> Decimal:
        return Decimal(100)

    def _decorate(self, spin: QDoubleSpinBox) -> None:
        spin.setPrefix(SYMBOLS.get(self.env.currency, self.env.currency + " "))


class BoolField(AttributeField):
    """Not filled / yes / no: an unanswered "pets allowed?" is not the same as "no"."""

    def _build(self) -> QComboBox:
        combo = _guard_wheel(QComboBox())
        combo.addItem(NOT_FILLED, None)
        combo.addItem(QCoreApplication.translate("AttributeField", "Yes"), True)
        combo.addItem(QCoreApplication.translate("AttributeField", "No"), False)
        return combo

    def value(self) -> bool | None:
        return self.widget.currentData()

    def set_value(self, value: Any) -> None:
        self.widget.setCurrentIndex({None: 0, True: 1, False: 2}.get(value, 0))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.currentIndexChanged.connect(lambda _i: callback())


class ChoiceField(AttributeField):
    def _build(self) -> QComboBox:
        combo = _guard_wheel(QComboBox())
        combo.addItem(NOT_FILLED, None)
        for choice in self.attribute.choices:
            combo.addItem(label(choice, self.env.lang), choice.value)
        return combo

    def value(self) -> str | None:
        return self.widget.currentData()

    def set_value(self, value: Any) -> None:
        index = self.widget.findData(value) if value is not None else 0
        if index < 0:  # a value the catalog no longer offers: keep it visible, let validation speak
            self.widget.addItem(str(value), value)
            index = self.widget.count() - 1
        self.widget.setCurrentIndex(index)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.currentIndexChanged.connect(lambda _i: callback())


class MultiChoiceField(AttributeField):
    """A checkable list: one check box per choice, three to a row."""

    wide = True
    COLUMNS = 3

    def _build(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for index, choice in enumerate(self.attribute.choices):
            check = QCheckBox(mnemonic_safe(label(choice, self.env.lang)))
            check.setObjectName(f"choice_{choice.value}")
            grid.addWidget(check, index // self.COLUMNS, index % self.COLUMNS)
            self.boxes[choice.value] = check
        return box

    def value(self) -> list[str]:
        return [value for value, check in self.boxes.items() if check.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for choice_value, check in self.boxes.items():
            check.setChecked(choice_value in chosen)

    def on_change(self, callback: Callable[[], None]) -> None:
        for check in self.boxes.values():
            check.toggled.connect(lambda _on: callback())

    def focus_widget(self) -> QWidget:
        return next(iter(self.boxes.values()))


class TimeField(AttributeField):
    """A short line edit: "14:00" as well as "14点半" is understood, and blank means not filled."""

    def _build(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText("14:00")
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00:00 00") + 24)
        return edit

    def value(self) -> str:
        return self.widget.text()

    def set_value(self, value: Any) -> None:
        self.widget.setText(value or "")

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.textChanged.connect(lambda _text: callback())
