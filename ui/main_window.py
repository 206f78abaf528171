"""The main window: a sidebar of pages, a menu built from the action registry, a status bar.

It lays out and wires; pages and services decide.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from channelmgr.security.roles import Permission

from .about_box import show_about
from .actions import ActionRegistry, ActionSpec
from .context import AppContext
from .excel import ExcelWorkflow
from .pages import PAGE_CLASSES
from .pages.base import Page
from .page_scroll import PageScroll
from .overbooking_alert import OverbookingAlert
from .sync.adapter import SyncAdapter
from .status_message import StatusMessage
from .sync.indicator import SyncIndicator


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("channelmgr — homestay channel manager"))
        self.actions_ = ActionRegistry(self)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget(self)
        self.pages: dict[str, Page] = {}
        for cls in PAGE_CLASSES:
            page = cls(ctx, self.stack)
            self.pages[page.page_id] = page
            self.stack.addWidget(PageScroll(page, self.stack))
            item = QListWidgetItem(page.icon(), page.title())
            item.setData(Qt.ItemDataRole.UserRole, page.page_id)
            self.nav.addItem(item)
        self.nav.setFixedWidth(max(140, self.nav.sizeHintForColumn(0) + 40))
        self.nav.currentRowChanged.connect(self._page_chosen)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_status_bar()
        ctx.events.status_message.connect(self.status_message.show_message)
        self.resize(1280, 800)
        self._restore_state()
        self.nav.setCurrentRow(0)

    # --- actions and menus -------------------------------------------------------------
    def _build_actions(self) -> None:
        reg = self.actions_
        reg.add(ActionSpec("app.quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        reg.add(ActionSpec("view.refresh", self.tr("&Refresh"), self.refresh_current, QKeySequence.StandardKey.Refresh))
        for number, page_id in enumerate(self.pages, start=1):
            reg.add(
                ActionSpec(
                    f"go.{page_id}",
                    self.pages[page_id].title(),
                    lambda pid=page_id: self.show_page(pid),
                    f"Ctrl+{number}",
                )
            )
        self.excel = ExcelWorkflow(self.ctx, self)
        reg.add(ActionSpec("file.export", self.tr("&Export to Excel…"), self.excel.export_workbook, "Ctrl+E"))
        reg.add(ActionSpec("file.import", self.tr("&Import from Excel…"), self.excel.import_workbook, "Ctrl+I",
                           permission=Permission.IMPORT))
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(reg["file.export"])
        file_menu.addAction(reg["file.import"])
        reg.add(ActionSpec("file.users", self.tr("&Users…"), self.open_users, permission=Permission.USERS))
        file_menu.addAction(reg["file.users"])
        reg.add(ActionSpec("file.change_password", self.tr("&Change password…"), self.open_change_password))
        file_menu.addAction(reg["file.change_password"])
        file_menu.addSeparator()
        file_menu.addAction(reg["app.quit"])
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(reg["view.refresh"])
        view_menu.addSeparator()
        for page_id in self.pages:
            view_menu.addAction(reg[f"go.{page_id}"])
        reg.add(ActionSpec("help.about", self.tr("&About channelmgr"),
                           lambda: show_about(self, self.ctx.services.db.url)))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(reg["help.about"])

    def _build_status_bar(self) -> None:
        self.property_box = QComboBox(self)
        self.property_box.setObjectName("property_switcher")
        for prop in self.ctx.services.inventory.properties():
            self.property_box.addItem(f"{prop.name_zh}", prop.id)
        self.property_box.setCurrentIndex(max(0, self.property_box.findData(self.ctx.property_id)))
        self.property_box.currentIndexChanged.connect(
            lambda _i: self.ctx.set_property(self.property_box.currentData())
        )
        url = self.ctx.services.db.engine.url
        if url.get_backend_name() == "sqlite":
            # The file's name only, its folder in the tooltip: a whole path (C:\Users\…\AppData\…)
            # took a third of the bar on a 1000 px screen.
            where, full = Path(url.database or "").name, str(url.database)
        else:
            where = full = f"{url.get_backend_name()}://{url.host or ''}"
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", where))
        self.db_label.setObjectName("database_label")
        self.db_label.setToolTip(self.tr("Database: %1").replace("%1", full))
        self.statusBar().addWidget(self.property_box)
        self.status_message = StatusMessage(self)  # its own label: a long one ends before the indicators
        self.statusBar().addWidget(self.status_message, 1)
        self.sync_indicator = SyncIndicator(self.ctx, self)
        self.sync_indicator.clicked.connect(lambda: self.show_page("channels"))
        self.statusBar().addPermanentWidget(self.sync_indicator)
        self.statusBar().addPermanentWidget(self.db_label)
        # Channels follow every edit (debounced) and a periodic pass, on the core's own threads.
        self.sync = SyncAdapter(self.ctx, self)
        self.sync.start()
        self.overbooking_alert = OverbookingAlert(self.ctx, self)
        self.overbooking_alert.start()

    def open_users(self) -> None:
        from .security.users_dialog import UsersDialog

        self.users_dialog = UsersDialog(self.ctx.services.users, self)
        self.users_dialog.open()

    def open_change_password(self) -> None:
        """One's own password (anyone signed in, a viewer too); nobody signed in: nothing to change."""
        from channelmgr.security.signed_in import current

        from .security.password_forms import ChangePasswordDialog

        actor = current()
        if actor is None:
            self.status_message.show_message(self.tr("Nobody is signed in: this database has no accounts."))
            return
        self.change_password_dialog = ChangePasswordDialog(self.ctx.services.users, actor.user, parent=self)
        self.change_password_dialog.open()

    # --- navigation ----------------------------------------------------------------------
    def show_page(self, page_id: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(page_id))

    def current_page(self) -> Page:
        return list(self.pages.values())[self.stack.currentIndex()]

    def refresh_current(self) -> None:
        self.current_page().reload()

    def _page_chosen(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page = self.current_page()
        page.reload()

    # --- window state ----------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("main_window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.stop()
        self.overbooking_alert.stop()
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        super().closeEvent(event)
