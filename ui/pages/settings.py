"""Settings: the property's details, its prices' rounding and guard, the desk's language and the
database in use, backups and the privacy period — one section each (ui/settings/), stacked in a scrolling column."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from .. import i18n
from ..context import AppContext
from ..settings.backups_section import BackupsSection
from ..settings.pricing_section import PricingSection
from ..settings.privacy_section import PrivacySection
from ..settings.property_section import PropertySection
from .base import Page


class SettingsPage(Page):
    page_id = "settings"
    icon_name = QStyle.StandardPixmap.SP_FileDialogContentsView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.property_section = PropertySection(ctx)
        self.pricing_section = PricingSection(ctx)
        column = QWidget()
        column.setMaximumWidth(960)  # a form wider than this reads like a spreadsheet row
        sections = QVBoxLayout(column)
        sections.addWidget(QLabel(f"<h2>{self.title()}</h2>"))
        sections.addWidget(self.property_section)
        sections.addWidget(self.pricing_section)
        sections.addWidget(self._desk_section())
        sections.addWidget(BackupsSection(ctx))
        sections.addWidget(PrivacySection(ctx))
        sections.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.reload()

    def title(self) -> str:
        return self.tr("Settings")

    def reload(self) -> None:
        self.property_section.reload()
        self.pricing_section.reload()

    def _desk_section(self) -> QGroupBox:
        """This desk's own choices (kept in QSettings, not in the shared database)."""
        box = QGroupBox(self.tr("This computer"), self)
        self.language = QComboBox(box)
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(i18n.saved_language()))
        self.language.currentIndexChanged.connect(self._language_chosen)
        db_label = QLabel(self.ctx.services.db.engine.url.render_as_string(hide_password=True), box)
        db_label.setWordWrap(True)
        self.note = QLabel(box)
        self.note.setObjectName("language_note")
        form = QFormLayout(box)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.note)
        form.addRow(self.tr("Database"), db_label)
        return box

    def _language_chosen(self) -> None:
        # Saved now, applied at the next start: every widget is built in one language, and
        # rebuilding half-open dialogs live is where translations go wrong.
        i18n.save_language(self.language.currentData())
        self.note.setText(self.tr("The new language is used from the next start of channelmgr."))
