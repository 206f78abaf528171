"""The audit trail's table columns, shared by the Audit page and a calendar cell's history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView

from channelmgr.security.audit_trail import AuditRow

from ..models.record_table import Column
from .audit_texts import action_label, cause_label, change_label, entity_label

translate = QCoreApplication.translate

CHANGE_COLUMN = 4  # "Before → after"


def audit_columns() -> list[Column]:
    return [
        Column(translate("AuditColumns", "Time"), lambda r: f"{r.local_at:%Y-%m-%d %H:%M:%S}",
               sort_key=lambda r: r.id),
        Column(translate("AuditColumns", "User"), lambda r: r.user),
        Column(translate("AuditColumns", "Action"), lambda r: action_label(r.action), tooltip=lambda r: r.action),
        Column(translate("AuditColumns", "Entity"), lambda r: f"{entity_label(r.entity)} {r.entity_id}",
               tooltip=lambda r: r.entity),
        Column(translate("AuditColumns", "Before → after"), _short, tooltip=_change_tooltip),
        Column(translate("AuditColumns", "Cause"), lambda r: cause_label(r.cause), tooltip=lambda r: r.cause),
    ]


def fit_audit_columns(header: QHeaderView) -> None:
    """The short columns as wide as their text, "before → after" the rest of the row, its long
    lines cut off with "…" (the tooltip has them whole). Sized to its text, that column was often
    wider than the window: its header was centred off screen and the cause column out of sight."""
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(CHANGE_COLUMN, QHeaderView.ResizeMode.Stretch)


def _short(row: AuditRow) -> str:
    text = change_label(row)  # fields and codes in words; the tooltip keeps the stored text
    return text if len(text) <= 120 else text[:117] + "…"


def _change_tooltip(row: AuditRow) -> str:
    # The whole line in words (the cell may be cut off), then the stored text for support.
    return f"{change_label(row)}\n\n{row.change_text}"
