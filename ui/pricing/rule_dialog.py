"""The rule form: name, kind with its own fields, the change, where it applies, and options.

The dialog only builds a ``RuleSpec``; checking it is the core's job (``rule_from_spec``), so the
form refuses exactly what the service would. ``spec_changed`` fires on every edit so the page can
preview the prices live while the form is open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from channelmgr.pricing.holidays_cn import HOLIDAY_NAMES
from channelmgr.pricing.rule_store import RULE_KINDS, RuleInvalid, RuleSpec, rule_from_spec

from . import texts


class CheckList(QListWidget):
    """Values to tick; none ticked means "all" (or "any")."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaximumHeight(110)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_values(self, values: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        ticked = set(checked)
        self.blockSignals(True)
        self.clear()
        for value, label in values:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def checked(self) -> tuple[str, ...]:
        return tuple(self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class RuleDialog(QDialog):
    spec_changed = Signal(object)  # the RuleSpec as the form stands, on every edit

    ADJUSTS = ("add", "percent", "factor", "set")

    def __init__(self, spec: RuleSpec, *, room_types: Sequence[tuple[str, str]], rate_plans: Sequence[str],
                 channels: Sequence[tuple[str, str]], names_in_use: Iterable[str], currency: str = "CNY",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rule_dialog")
        self.setWindowTitle(self.tr("Price rule"))
        self._original = spec
        self._names_in_use = set(names_in_use)
        self._currency = currency

        self.name = QLineEdit(spec.name, self)
        self.name.setObjectName("rule_name")
        self.kind = QComboBox(self)
        self.kind.setObjectName("rule_kind")
        for key in RULE_KINDS:
            self.kind.addItem(texts.kind_label(key), key)
        self.adjust = QComboBox(self)
        self.adjust.setObjectName("rule_adjust")
        for key, label in zip(self.ADJUSTS, (self.tr("add or subtract an amount"), self.tr("percent up or down"),
                                             self.tr("multiply by"), self.tr("set the price to"))):
            self.adjust.addItem(label, key)
        self.value = QDoubleSpinBox(self)
        self.value.setObjectName("rule_value")
        self.value.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)

        self.params = QStackedWidget(self)
        self._build_param_pages()

        self.room_types, self.rate_plans, self.channels = CheckList(self), CheckList(self), CheckList(self)
        self.room_types.set_values(room_types, spec.room_types)
        self.rate_plans.set_values([(code, code) for code in rate_plans], spec.rate_plans)
        self.channels.set_values(channels, spec.channels)

        self.priority = QSpinBox(self)
        self.priority.setRange(0, 100000)
        self.enabled = QCheckBox(self.tr("Rule is on"), self)
        self.min_stay = QSpinBox(self)
        self.min_stay.setRange(0, 30)
        self.min_stay.setSpecialValueText(self.tr("none"))
        self.valid_from_on, self.valid_from = QCheckBox(self), QDateEdit(self)
        self.valid_to_on, self.valid_to = QCheckBox(self), QDateEdit(self)
        self.stage = QComboBox(self)
        for key, label in ((None, self.tr("automatic")), ("base", texts.stage_text("base")),
                           ("adjust", texts.stage_text("adjust")), ("scale", texts.stage_text("scale")),
                           ("final", texts.stage_text("final"))):
            self.stage.addItem(label, key)
        self.label_en = QLineEdit(spec.label_en, self)

        self.error = QLabel(self)
        self.error.setObjectName("rule_error")
        self.error.setStyleSheet("color: #b41e1e")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        self._lay_out(buttons)
        self._load(spec)
        self._connect_changes()

    # -- layout ----------------------------------------------------------------------------------

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        what = QFormLayout()
        what.addRow(self.tr("Name"), self.name)
        what.addRow(self.tr("Kind"), self.kind)
        what.addRow(self.tr("When"), self.params)
        change = QHBoxLayout()
        change.addWidget(self.adjust)
        change.addWidget(self.value)
        what.addRow(self.tr("Change"), change)

        scope = QGroupBox(self.tr("Applies to (nothing ticked: all)"), self)
        scope_row = QHBoxLayout(scope)
        for title, widget in ((self.tr("Room types"), self.room_types), (self.tr("Rate plans"), self.rate_plans),
                              (self.tr("Channels"), self.channels)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title, scope))
            column.addWidget(widget)
            scope_row.addLayout(column)

        options = QGroupBox(self.tr("Options"), self)
        form = QFormLayout(options)
        form.addRow(self.tr("Priority (higher acts later)"), self.priority)
        form.addRow("", self.enabled)
        form.addRow(self.tr("Minimum stay"), self.min_stay)
        for label, check, edit in ((self.tr("Valid from"), self.valid_from_on, self.valid_from),
                                   (self.tr("Valid until"), self.valid_to_on, self.valid_to)):
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(edit, 1)
            form.addRow(label, row)
        form.addRow(self.tr("Step"), self.stage)
        form.addRow(self.tr("English label"), self.label_en)

        layout = QVBoxLayout(self)
        layout.addLayout(what)
        layout.addWidget(scope)
        layout.addWidget(options)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _build_param_pages(self) -> None:
        self._page_of: dict[str, int] = {}
        note = QLabel(self.tr("The property's weekend nights (normally Friday and Saturday)."), self)
        self._add_page(("weekend",), note)
        days = QWidget(self)
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        self.weekdays = []
        for weekday in range(7):
            box = QCheckBox(texts.weekday_label(weekday), days)
            self.weekdays.append(box)
            row.addWidget(box)
        self._add_page(("weekdays",), days)
        season = QWidget(self)
        row = QHBoxLayout(season)
        row.setContentsMargins(0, 0, 0, 0)
        self.season_start, self.season_end = QDateEdit(season), QDateEdit(season)
        self.season_yearly = QCheckBox(self.tr("every year"), season)
        for widget in (self.season_start, QLabel("–", season), self.season_end, self.season_yearly):
            row.addWidget(widget)
        self._add_page(("season",), season)
        self.holidays = CheckList(self)
        self.holidays.set_values((name, texts.holiday_label(name)) for name in HOLIDAY_NAMES)
        self._add_page(("holiday", "night_before_holiday"), self.holidays)
        self._add_page(("makeup_workday",), QLabel(self.tr("Weekend days people work (调休)."), self))
        self.within_days = QSpinBox(self)
        self.within_days.setRange(0, 60)
        self.within_days.setSuffix(" " + self.tr("days ahead at most"))
        self._add_page(("last_minute",), self.within_days)
        self.at_least_days = QSpinBox(self)
        self.at_least_days.setRange(1, 730)
        self.at_least_days.setSuffix(" " + self.tr("days ahead or more"))
        self._add_page(("early_bird",), self.at_least_days)
        self.sold_percent = QSpinBox(self)
        self.sold_percent.setRange(1, 100)
        self.sold_percent.setSuffix(" " + self.tr("% of the rooms sold or more"))
        self._add_page(("occupancy",), self.sold_percent)

    def _add_page(self, kinds: tuple[str, ...], widget: QWidget) -> None:
        index = self.params.addWidget(widget)
        for kind in kinds:
            self._page_of[kind] = index

    # -- form ↔ spec -----------------------------------------------------------------------------

    def _load(self, spec: RuleSpec) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(spec.kind)))
        self.adjust.setCurrentIndex(max(0, self.adjust.findData(spec.adjust)))
        self._adjust_value_range()
        self.value.setValue(self._shown_value(spec))
        p = spec.params
        for weekday, box in enumerate(self.weekdays):
            box.setChecked(weekday in p.get("days", ()))
        today = date.today()
        self.season_start.setDate(_qdate(_iso(p.get("start"), date(today.year, 7, 1))))
        self.season_end.setDate(_qdate(_iso(p.get("end"), date(today.year, 8, 31))))
        self.season_yearly.setChecked(bool(p.get("yearly", True)))
        self.holidays.set_values(((name, texts.holiday_label(name)) for name in HOLIDAY_NAMES),
                                 p.get("holidays") or ())
        self.within_days.setValue(int(p.get("within_days", 2)))
        self.at_least_days.setValue(int(p.get("at_least_days", 60)))
        self.sold_percent.setValue(int(Decimal(str(p.get("sold_at_least", "0.8"))) * 100))
        self.priority.setValue(spec.priority)
        self.enabled.setChecked(spec.enabled)
        self.min_stay.setValue(spec.min_stay or 0)
        for check, edit, value in ((self.valid_from_on, self.valid_from, spec.valid_from),
                                   (self.valid_to_on, self.valid_to, spec.valid_to)):
            check.setChecked(value is not None)
            edit.setDate(_qdate(value or today))
        self.stage.setCurrentIndex(max(0, self.stage.findData(spec.stage)))
        self.params.setCurrentIndex(self._page_of[self.kind.currentData()])

    def spec(self) -> RuleSpec:
        """The rule as the form stands (not checked; ``accept`` checks it)."""
        kind = self.kind.currentData()
        return RuleSpec(
            name=self.name.text().strip(), kind=kind, adjust=self.adjust.currentData(),
            value=self._typed_value(), params=self._params(kind),
            room_types=self.room_types.checked(), rate_plans=self.rate_plans.checked(),
            channels=self.channels.checked(), priority=self.priority.value(), enabled=self.enabled.isChecked(),
            valid_from=_pydate(self.valid_from.date()) if self.valid_from_on.isChecked() else None,
            valid_to=_pydate(self.valid_to.date()) if self.valid_to_on.isChecked() else None,
            min_stay=self.min_stay.value() or None, stage=self.stage.currentData(),
            label_en=self.label_en.text().strip(), id=self._original.id,
        )

    def _params(self, kind: str) -> dict:
        if kind == "weekdays":
            return {"days": [d for d, box in enumerate(self.weekdays) if box.isChecked()]}
        if kind == "season":
            return {"start": _pydate(self.season_start.date()).isoformat(),
                    "end": _pydate(self.season_end.date()).isoformat(), "yearly": self.season_yearly.isChecked()}
        if kind in ("holiday", "night_before_holiday"):
            return {"holidays": list(self.holidays.checked())}
        if kind == "last_minute":
            return {"within_days": self.within_days.value()}
        if kind == "early_bird":
            return {"at_least_days": self.at_least_days.value()}
        if kind == "occupancy":
            return {"sold_at_least": format((Decimal(self.sold_percent.value()) / 100).normalize(), "f")}
        return {}

    def _adjust_value_range(self) -> None:
        adjust = self.adjust.currentData()
        money = adjust in ("add", "set")
        self.value.setDecimals(3 if adjust == "factor" else 2)
        self.value.setRange(*{"add": (-99999, 99999), "set": (0.01, 999999), "percent": (-99.99, 1000),
                              "factor": (0.001, 20)}[adjust])
        self.value.setPrefix("¥ " if money else ("× " if adjust == "factor" else ""))
        self.value.setSuffix(" %" if adjust == "percent" else "")

    def _shown_value(self, spec: RuleSpec) -> float:
        # A spin box holds a float for display only; what is saved comes back through text.
        if spec.adjust in ("add", "set"):
            return int(spec.value) / 100
        return float(Decimal(str(spec.value or 0)))

    def _typed_value(self) -> int | str:
        text = f"{self.value.value():.{self.value.decimals()}f}"
        if self.adjust.currentData() in ("add", "set"):
            return int(Decimal(text) * 100)
        return format(Decimal(text).normalize(), "f")

    # -- behaviour -------------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        self.kind.currentIndexChanged.connect(
            lambda _i: self.params.setCurrentIndex(self._page_of[self.kind.currentData()]))
        self.adjust.currentIndexChanged.connect(lambda _i: self._adjust_value_range())
        signals = [self.name.textChanged, self.kind.currentIndexChanged, self.adjust.currentIndexChanged,
                   self.value.valueChanged, self.season_start.dateChanged, self.season_end.dateChanged,
                   self.season_yearly.toggled, self.holidays.changed, self.within_days.valueChanged,
                   self.at_least_days.valueChanged, self.sold_percent.valueChanged, self.room_types.changed,
                   self.rate_plans.changed, self.channels.changed, self.priority.valueChanged,
                   self.enabled.toggled, self.min_stay.valueChanged, self.valid_from_on.toggled,
                   self.valid_from.dateChanged, self.valid_to_on.toggled, self.valid_to.dateChanged,
                   self.stage.currentIndexChanged, self.label_en.textChanged]
        signals += [box.toggled for box in self.weekdays]
        for signal in signals:
            signal.connect(self._emit_change)

    def _emit_change(self, *_args) -> None:
        self.error.clear()
        self.spec_changed.emit(self.spec())

    def problem(self) -> str | None:
        """Why the form cannot be saved as it stands, or None."""
        spec = self.spec()
        if spec.name in self._names_in_use:
            return self.tr("Another rule is already called %1.").replace("%1", spec.name)
        try:
            rule_from_spec(spec)
        except RuleInvalid as exc:
            return str(exc)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        super().accept()


def _iso(text: object, default: date) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return default


# What a new rule of each kind starts with: the usual case, for the owner to adjust.
_STARTERS = {
    "weekend": ("add", 8000, {}),
    "weekdays": ("percent", "-10", {"days": [6]}),
    "season": ("percent", "15", {"start": f"{date.today().year}-07-01", "end": f"{date.today().year}-08-31",
                                 "yearly": True}),
    "holiday": ("factor", "1.5", {"holidays": []}),
    "night_before_holiday": ("add", 5000, {"holidays": []}),
    "makeup_workday": ("percent", "-5", {}),
    "last_minute": ("percent", "-10", {"within_days": 2}),
    "early_bird": ("percent", "-5", {"at_least_days": 60}),
    "occupancy": ("percent", "10", {"sold_at_least": "0.8"}),
}


def new_rule_spec(kind: str, names_in_use: Iterable[str]) -> RuleSpec:
    """A fresh rule of ``kind`` named after the kind (made unique), with the usual change."""
    adjust, value, params = _STARTERS[kind]
    base = texts.kind_label(kind)
    taken = set(names_in_use)
    name, n = base, 2
    while name in taken:
        name, n = f"{base} {n}", n + 1
    return RuleSpec(name, kind, adjust, value, dict(params))
