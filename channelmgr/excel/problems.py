"""What an import found wrong, cell by cell, and what it would change: plain data for CLI and UI.

Every problem names the sheet and the cell as a person finds it in Excel ("价格!D7"), the value
that was there and why it cannot be used, so the report reads like a checklist to work through.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    cell: str  # "D7"; "" when the problem is about the sheet or the file as a whole
    value: object
    reason: str

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def line(self) -> str:
        """One report line: 'sheet!cell: value — reason'."""
        shown = "" if self.value is None else str(self.value)
        return f"{self.where}: {shown} — {self.reason}"


@dataclass
class ImportReport:
    """The outcome of one import. Nothing is applied unless `problems` is empty."""

    path: Path
    kind: str  # "rooms" | "calendar"
    dry_run: bool
    problems: list[CellProblem] = field(default_factory=list)
    changes_by_field: Counter = field(default_factory=Counter)  # field key → cells changed
    changes_by_room_type: Counter = field(default_factory=Counter)  # room type code → cells changed
    applied: bool = False
    annotated_copy: Path | None = None
    # Every problem is a price the fat-finger guard questions (the workbook is otherwise fine):
    # the owner may confirm and import again with force (CLI: --force; the desktop asks).
    needs_confirmation: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def change_count(self) -> int:
        return sum(self.changes_by_field.values())

    def summary_lines(self) -> list[str]:
        if self.problems:
            lines = [problem.line() for problem in self.problems]
            lines.append(f"{len(self.problems)} problem(s); nothing was applied.")
            if self.annotated_copy:
                lines.append(f"Annotated copy with the bad cells marked: {self.annotated_copy}")
            return lines
        if not self.change_count:
            return ["No changes: the workbook matches the database."]
        verb = "Would change" if self.dry_run else "Changed"
        lines = [f"{verb} {self.change_count} cell(s)."]
        lines += [f"  {name}: {count}" for name, count in sorted(self.changes_by_field.items())]
        lines += [f"  room type {code}: {count}" for code, count in sorted(self.changes_by_room_type.items())]
        return lines


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sheets: tuple[str, ...]
    rows: int  # data rows written, over all sheets
