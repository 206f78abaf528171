from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QStyle, QVBoxLayout, QWidget

from .. import i18n
from ..context import AppContext
from .base import Page


class SettingsPage(Page):
    page_id = "settings"
    icon_name = QStyle.StandardPixmap.SP_FileDialogContentsView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(i18n.saved_language()))
        self.language.currentIndexChanged.connect(self._language_chosen)
        db_label = QLabel(ctx.services.db.engine.url.render_as_string(hide_password=True))
        db_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Database"), db_label)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.title()}</h2>"))
        layout.addLayout(form)
        self.note = QLabel(self)
        self.note.setObjectName("language_note")
        layout.addWidget(self.note)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Settings")

    def _language_chosen(self) -> None:
        # Saved now, applied at the next start: every widget is built in one language, and
        # rebuilding half-open dialogs live is where translations go wrong.
        i18n.save_language(self.language.currentData())
        self.note.setText(self.tr("The new language is used from the next start of channelmgr."))
