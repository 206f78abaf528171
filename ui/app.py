"""Starting the desktop app: QApplication, language, fonts, database, main window."""

from __future__ import annotations

import os
import signal
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from channelmgr.config import resolve_db_url
from channelmgr.db.engine import DatabaseError
from channelmgr.services import Services

from .gc_in_gui_thread import collect_in_gui_thread
from . import i18n
from .context import AppContext
from .fonts import apply_default_font
from .login import sign_in_desk
from .main_window import MainWindow
from .daily_backup import DailyBackup
from .daily_purge import DailyPurge
from .tasks import TaskRunner

# Set by bench/bench_startup.py: print when the window is shown, then quit.
BENCH_ENV = "CHANNELMGR_BENCH_SHOWN"  # print "SHOWN <time>" once the first page is loaded, then quit
READY_ENV = "CHANNELMGR_READY_LINE"  # print the same line and keep running (tests that drive the app)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("channelmgr")
    QCoreApplication.setApplicationName("channelmgr")
    apply_default_font(app)
    i18n.install_language(i18n.saved_language())
    collect_in_gui_thread(app)  # never let a worker thread destroy Qt objects through the GC
    return app


def build_context(services: Services) -> AppContext:
    return AppContext(
        services=services,
        db_tasks=TaskRunner(max_threads=1),
        net_tasks=TaskRunner(max_threads=4),
        property_id=services.inventory.property_id(None),
    )


def run_gui(db_url: str, demo_if_empty: bool = False) -> int:
    app = create_application()
    try:
        services = Services.open(db_url)
        if services.db.is_empty():
            if not demo_if_empty:
                raise DatabaseError(
                    f"{db_url} has no property yet: run `channelmgr init --demo --db URL` to start with the demo"
                )
            from channelmgr.demo import load_demo

            load_demo(services.db, accounts=True)
    except DatabaseError as exc:
        QMessageBox.critical(None, "channelmgr", str(exc))
        print(f"channelmgr: error: {exc}", file=sys.stderr)
        return 2
    if not sign_in_desk(services):
        services.close()
        return 1
    ctx = build_context(services)
    window = MainWindow(ctx)
    DailyBackup(ctx, parent=window).start()
    DailyPurge(ctx, parent=window).start()
    quit_on_signals(app, window)
    window.show()
    if os.environ.get(BENCH_ENV) or os.environ.get(READY_ENV):
        _report_shown(window, then_quit=bool(os.environ.get(BENCH_ENV)))
    status = app.exec()
    ctx.db_tasks.wait()
    ctx.net_tasks.wait()
    services.close()
    return status


def quit_on_signals(app: QApplication, window: MainWindow) -> None:
    """SIGTERM (a logout, ``timeout``, ``kill``) and SIGINT (Ctrl+C) close the window as its close
    button would, so the normal shutdown runs: background tasks finish, the channel lanes stop,
    the database is closed. Python runs signal handlers only when the interpreter gets control,
    which Qt's event loop never gives it while idle; a short timer lets it in."""

    def close(_signum, _frame) -> None:
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, close)
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(200)


def _report_shown(window: MainWindow, then_quit: bool) -> None:
    def shown() -> None:
        # The first page's data arrive from the database thread; wait for them, then report.
        page = window.current_page()
        if getattr(page, "loaded", True):
            print(f"SHOWN {time.time():.6f}", flush=True)
            if then_quit:
                QApplication.quit()
        else:
            QTimer.singleShot(5, shown)

    QTimer.singleShot(0, shown)


def main() -> int:
    url, is_default = resolve_db_url(None)
    return run_gui(url, demo_if_empty=is_default)
