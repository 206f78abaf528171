"""The Prices page: rate plans per room type, the rule list, and a live 90-night preview.

Nothing is saved until Save: every change goes into a draft (``ui.pricing.draft``), the service
prices the draft off the GUI thread, and the preview marks the cells it moves. Save applies the
draft in one transaction; if the fat-finger guard questions a move, a dialog lists the biggest
ones and Save again applies with confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channelmgr.errors import UserError
from channelmgr.pricing.guard import ConfirmationRequired, GuardReport
from channelmgr.pricing.rule_store import RULE_KINDS
from channelmgr.pricing.views import ChannelInfo, PlanInfo, PricePreview, RuleInfo
from channelmgr.security.roles import Permission
from channelmgr.roomtypes.desk_user import desk_actor

from ..permissions import gate
from ..context import AppContext
from ..fit_columns import fit_columns
from ..menu_button import MenuButton
from ..models.record_table import ROW_ROLE, Column, RecordTableModel
from ..price_guard_box import ask_price_confirmation
from ..pricing import texts
from ..pricing.draft import DraftPlan, PriceDraft
from ..pricing.explain_popup import show_explain_popup
from ..pricing.preview_model import CELL_ROLE, PricePreviewModel
from ..pricing.rule_dialog import RuleDialog, new_rule_spec
from ..pricing.plan_dialog import PlanPriceDialog
from ..pricing.rule_table import KEY_ROLE, RuleTableModel
from .base import Page

PREVIEW_NIGHTS = 90
PREVIEW_DELAY_MS = 150  # typing in the rule form previews once the owner pauses


@dataclass(frozen=True)
class _Loaded:
    rules: list[RuleInfo]
    plans: list[PlanInfo]
    channels: list[ChannelInfo]
    currency: str
    today: date


class PricesPage(Page):
    page_id = "prices"
    icon_name = QStyle.StandardPixmap.SP_DialogApplyButton

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.loaded = False
        self.draft = PriceDraft()
        self.data: _Loaded | None = None
        self._live: tuple[int | None, object] | None = None  # (rule key, spec) while the form is open
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._run_preview)

        self.heading = QLabel(f"<h2>{escape(self.title())}</h2>", self)
        self.plan_model = RecordTableModel(self._plan_columns(), self)
        self.plan_view = self._table(self.plan_model, "plan_table")
        fit_columns(self.plan_view, elastic=(0, 1, 2))  # the widest gives way: a name, or a long "not priced" reason
        self.plan_view.doubleClicked.connect(lambda _index: self.edit_plan())
        self.rule_model = RuleTableModel(self)
        self.rule_model.enabled_toggled.connect(self.set_rule_enabled)
        self.rule_view = self._table(self.rule_model, "rule_table")
        fit_columns(self.rule_view, elastic=(1, 3, 5, 6))
        self.rule_view.doubleClicked.connect(lambda _index: self.edit_rule())
        self.preview_model = PricePreviewModel(self)
        self.preview_view = self._preview_table()
        self.preview_status = QLabel(self)
        self.preview_status.setObjectName("preview_status")
        self.preview_status.setWordWrap(True)
        self.pending_label = QLabel(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save_prices")
        self.save_button.clicked.connect(lambda: self.save())
        self.discard_button = QPushButton(self.tr("Discard changes"), self)
        self.discard_button.clicked.connect(self.discard)
        gate(self.save_button, Permission.PRICES)
        self._lay_out()
        ctx.events.data_changed.connect(self._data_changed)
        self._refresh_lists()

    def title(self) -> str:
        return self.tr("Prices")

    def _submit(self, fn, on_done, on_error, key: str) -> None:
        """Run ``fn`` on the database thread; its result is dropped if this page is gone by then
        (a window closing while a preview is computed)."""
        def alive(callback):
            return lambda value: callback(value) if shiboken6.isValid(self) else None

        self.ctx.db_tasks.submit(fn, alive(on_done), alive(on_error), key=key)

    # -- layout ----------------------------------------------------------------------------------

    def _table(self, model, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        return view

    def _preview_table(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("price_preview")
        view.setModel(self.preview_model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Fixed section sizes: 90 columns lay out without measuring every cell.
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setDefaultSectionSize(54)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(24)
        view.doubleClicked.connect(self.explain_cell)
        return view

    def _lay_out(self) -> None:
        edit_plan = QPushButton(self.tr("Edit price…"), self)
        edit_plan.clicked.connect(self.edit_plan)
        gate(edit_plan, Permission.PRICES)
        plans_box = QWidget(self)
        plans_layout = QVBoxLayout(plans_box)
        plans_layout.setContentsMargins(0, 0, 0, 0)
        plans_layout.addWidget(_bold(self.tr("Rate plans"), plans_box))
        plans_layout.addWidget(self.plan_view)
        plans_layout.addWidget(edit_plan)

        self.add_button = MenuButton(self.tr("Add rule"), self)
        self.add_button.setObjectName("add_rule")
        menu = self.add_button.menu()
        for kind in RULE_KINDS:
            gate(menu.addAction(texts.kind_label(kind), lambda k=kind: self.add_rule(k)), Permission.PRICES)
        gate(self.add_button, Permission.PRICES)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        for text, slot in ((self.tr("Edit…"), self.edit_rule), (self.tr("Move up"), lambda: self.move_rule(-1)),
                           (self.tr("Move down"), lambda: self.move_rule(1)), (self.tr("Delete"), self.delete_rule)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            gate(button, Permission.PRICES)
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(self.tr("Amounts are added before percentages and factors; within the same step, "
                              "a rule lower in the list acts later."), self)
        hint.setWordWrap(True)
        rules_box = QWidget(self)
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.setContentsMargins(0, 0, 0, 0)
        rules_layout.addWidget(_bold(self.tr("Price rules"), rules_box))
        rules_layout.addWidget(self.rule_view)
        rules_layout.addLayout(buttons)
        rules_layout.addWidget(hint)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(plans_box)
        top.addWidget(rules_box)
        top.setSizes([420, 860])

        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_title = self.tr("Preview: the next %n night(s), own price", "", PREVIEW_NIGHTS)
        legend = self.tr("changed cells are yellow, moves the guard would question red; double-click a price "
                         "to see how it is made")
        caption = QLabel(f"<b>{escape(preview_title)}</b> — {escape(legend)}", preview_box)
        caption.setWordWrap(True)  # in English one line held the page at ~950 px, wider than a small screen
        preview_layout.addWidget(caption)
        preview_layout.addWidget(self.preview_view)
        preview_layout.addWidget(self.preview_status)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(preview_box)
        split.setSizes([330, 470])

        bottom = QHBoxLayout()
        bottom.addWidget(self.pending_label, 1)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _plan_columns(self) -> list[Column]:
        def price(plan: DraftPlan) -> str:
            currency = self.data.currency if self.data else "CNY"
            if plan.info.problem:
                return self.tr("not priced: %1").replace("%1", plan.info.problem)
            if plan.info.parent is None:
                text = texts.money(plan.base_price_minor, currency)
            else:
                text = texts.derivation_text(plan.derive_kind, plan.derive_value, plan.info.parent, currency)
            return text + (" •" if plan.pending else "")

        return [
            Column(self.tr("Room type"), lambda p: f"{p.info.room_type} · {texts.pick(p.info.room_type_name_zh, p.info.room_type_name_en or p.info.room_type_name_zh)}"),
            Column(self.tr("Rate plan"), lambda p: f"{p.info.code} · {texts.pick(p.info.name_zh, p.info.name_en or p.info.name_zh)}"),
            Column(self.tr("Price"), price, True),
        ]

    # -- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        pid, pricing = self.ctx.property_id, self.ctx.services.pricing

        def load() -> _Loaded:
            return _Loaded(pricing.rules(pid), pricing.rate_plans(pid), pricing.channels(pid),
                           pricing.currency(pid), pricing.today(pid))

        self._submit(load, self._loaded, self._failed, key="prices.load")

    def _loaded(self, data: _Loaded) -> None:
        self.data = data
        self.draft.reset(data.rules, data.plans)
        self.loaded = True
        self._refresh_lists()
        self._schedule_preview(now=True)

    def _failed(self, exc: Exception) -> None:
        self.preview_status.setText(str(exc))
        self.ctx.events.status_message.emit(str(exc))

    def _data_changed(self, area: str) -> None:
        # The calendar's bulk price edit and the room-type editor change what prices start from;
        # a channel added or re-priced (markup, rounding, guards) changes the channel prices shown.
        if area in ("calendar", "room_types", "channels") and self.loaded and not self.draft.dirty:
            self.reload()

    def _refresh_lists(self) -> None:
        currency = self.data.currency if self.data else "CNY"
        self.rule_model.set_rules(self.draft.rules(), currency)
        self.plan_model.set_rows(self.draft.plans())
        count = len(self.draft.edits())
        self.pending_label.setText(self.tr("%n unsaved change(s)", "", count) if count else self.tr("All saved"))
        self.save_button.setEnabled(count > 0)
        self.discard_button.setEnabled(count > 0)

    # -- preview ---------------------------------------------------------------------------------

    def _schedule_preview(self, now: bool = False) -> None:
        if now:
            self._preview_timer.stop()
            self._run_preview()
        else:
            self._preview_timer.start()

    def _run_preview(self) -> None:
        if self.data is None:
            return
        edits = self._draft_edits_with_live_form()
        if edits is None:
            return  # the open form cannot be priced yet; it says why itself
        pid, pricing = self.ctx.property_id, self.ctx.services.pricing
        start = self.data.today
        end = start + timedelta(days=PREVIEW_NIGHTS)
        self._submit(lambda: pricing.preview_change(pid, edits, start, end),
                                 self._show_preview, self._preview_failed, key="prices.preview")

    def _draft_edits_with_live_form(self):
        if self._live is None:
            return self.draft.edits()
        key, spec = self._live
        shadow = self.draft.copy()
        try:
            shadow.put_rule(spec, key)
        except (TypeError, ValueError):  # a half-typed form (a date it cannot store yet)
            return None
        return shadow.edits()

    def _show_preview(self, preview: PricePreview) -> None:
        plans = [plan.key for plan in self.draft.plans() if plan.key in preview.after]
        labels = {plan.key: f"{plan.info.room_type} · {plan.info.code}" for plan in self.draft.plans()}
        self.preview_model.set_preview(preview, plans, labels)
        changed = len(preview.changed)
        if changed:
            text = self.tr("%n price(s) change in these nights.", "", changed)
        else:
            text = self.tr("No price changes in these nights.") if self.draft.dirty else ""
        if preview.needs_confirmation:
            text += " " + self.tr("%n of them move more than the fat-finger guard allows.", "",
                                  len(preview.report.suspicious))
        self.preview_status.setStyleSheet("")
        self.preview_status.setText(text)
        self.save_button.setEnabled(self.draft.dirty)

    def _preview_failed(self, exc: Exception) -> None:
        # A refused draft (a price ≤ 0, a rule the engine cannot use) cannot be saved either.
        self.preview_status.setStyleSheet("color: #b41e1e")
        self.preview_status.setText(self.tr("Cannot be priced: %1").replace("%1", str(exc)))
        self.save_button.setEnabled(False)

    # -- rules -----------------------------------------------------------------------------------

    def selected_rule_key(self) -> int | None:
        index = self.rule_view.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def add_rule(self, kind: str) -> RuleDialog:
        return self._open_rule_dialog(new_rule_spec(kind, self.draft.names_in_use()), None)

    def edit_rule(self) -> RuleDialog | None:
        key = self.selected_rule_key()
        if key is None:
            return None
        return self._open_rule_dialog(self.draft.rule(key).spec, key)

    def _open_rule_dialog(self, spec, key: int | None) -> RuleDialog:
        data = self.data
        room_types = list(dict.fromkeys((p.room_type, f"{p.room_type} · {p.room_type_name_zh}") for p in data.plans))
        dialog = RuleDialog(
            spec, room_types=room_types, rate_plans=sorted({p.code for p in data.plans}),
            channels=[(c.name, texts.pick(c.name_zh, c.name_en)) for c in data.channels],
            names_in_use=self.draft.names_in_use(except_key=key), currency=data.currency, parent=self)
        dialog.spec_changed.connect(lambda new: self._live_change(key, new))
        dialog.accepted.connect(lambda: self._rule_accepted(key, dialog.spec()))
        dialog.finished.connect(lambda _result: self._live_change(None, None))
        dialog.open()  # window-modal without a nested event loop: previews keep arriving
        return dialog

    def _live_change(self, key: int | None, spec) -> None:
        self._live = None if spec is None else (key, spec)
        self._schedule_preview()

    def _rule_accepted(self, key: int | None, spec) -> None:
        self._live = None
        new_key = self.draft.put_rule(spec, key)
        self._after_draft_change(select=new_key)

    def set_rule_enabled(self, key: int, enabled: bool) -> None:
        self.draft.set_enabled(key, enabled)
        self._after_draft_change()

    def move_rule(self, step: int) -> None:
        key = self.selected_rule_key()
        if key is not None and self.draft.move(key, step):
            self._after_draft_change(select=key)

    def delete_rule(self) -> None:
        key = self.selected_rule_key()
        if key is not None:
            self.draft.delete_rule(key)
            self._after_draft_change()

    # -- plans -----------------------------------------------------------------------------------

    def edit_plan(self) -> PlanPriceDialog | None:
        index = self.plan_view.currentIndex()
        plan: DraftPlan | None = index.data(ROW_ROLE) if index.isValid() else None
        if plan is None or plan.info.problem and plan.info.parent is not None:
            return None
        dialog = PlanPriceDialog(plan, self)
        dialog.accepted.connect(lambda: self._plan_accepted(plan, dialog))
        dialog.open()
        return dialog

    def _plan_accepted(self, plan: DraftPlan, dialog: PlanPriceDialog) -> None:
        room_type, code = plan.key
        if plan.info.parent is None:
            self.draft.set_base_price(room_type, code, dialog.base_price_minor())
        else:
            self.draft.set_derivation(room_type, code, *dialog.derivation())
        self._after_draft_change()

    def _after_draft_change(self, select: int | None = None) -> None:
        self._refresh_lists()
        if select is not None:
            row = self.rule_model.row_of(select)
            if row >= 0:
                self.rule_view.selectionModel().setCurrentIndex(
                    self.rule_model.index(row, 1),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._schedule_preview(now=True)

    # -- saving ----------------------------------------------------------------------------------

    def save(self, force: bool = False) -> None:
        edits = self.draft.edits()
        if not edits:
            return
        pid, pricing = self.ctx.property_id, self.ctx.services.pricing
        actor = desk_actor("prices page")
        self.save_button.setEnabled(False)
        self._submit(lambda: pricing.apply_changes(actor, pid, edits, force),
                                 self._saved, self._save_failed, key="prices.save")

    def _saved(self, preview: PricePreview) -> None:
        self.ctx.events.status_message.emit(
            self.tr("Prices saved: %n price(s) changed in the coming year.", "", len(preview.changed)))
        self.ctx.events.data_changed.emit("prices")
        self.reload()

    def _save_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ConfirmationRequired) and exc.report is not None:
            self.ask_to_confirm(exc.report)
            return
        message = str(exc) if isinstance(exc, UserError) else self.tr("Saving failed: %1").replace("%1", str(exc))
        self.preview_status.setStyleSheet("color: #b41e1e")
        self.preview_status.setText(message)
        self.ctx.events.status_message.emit(message)

    def ask_to_confirm(self, report: GuardReport) -> QMessageBox:
        """The fat-finger dialog: the biggest moves, and Save anyway / Go back."""
        currency = self.data.currency if self.data else "CNY"
        return ask_price_confirmation(self, report, lambda key: " · ".join(map(str, key)), currency,
                                      lambda: self.save(force=True))

    def discard(self) -> None:
        if self.data is not None:
            self.draft.reset(self.data.rules, self.data.plans)
        self._refresh_lists()
        self._schedule_preview(now=True)

    # -- explain ---------------------------------------------------------------------------------

    def explain_cell(self, index) -> None:
        cell = index.data(CELL_ROLE)
        if cell is None:
            return
        room_type, plan, night = cell
        pid, pricing = self.ctx.property_id, self.ctx.services.pricing
        at = self.preview_view.viewport().mapToGlobal(self.preview_view.visualRect(index).bottomLeft())
        self._submit(lambda: pricing.explain(pid, room_type, plan, None, night),
                                 lambda found: self._show_explanation(found, at), self._failed, key="prices.explain")

    def _show_explanation(self, explanation, at) -> None:
        notes = [self.tr("As saved: the unsaved changes are not in these steps.")] if self.draft.dirty else []
        self.explain_popup = show_explain_popup(self, explanation, at, notes)


def _bold(text: str, parent: QWidget) -> QLabel:
    return QLabel(f"<b>{escape(text)}</b>", parent)
