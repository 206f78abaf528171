import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _gc_in_gui_thread(qapp):
    # As the app does (ui.gc_in_gui_thread): cycles are collected on this thread only, here
    # after each test and on the app's timer while a test waits in the event loop.
    import gc

    from ui.gc_in_gui_thread import collect_in_gui_thread

    collect_in_gui_thread(qapp)
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path, qapp):
    # Window state and language go to a temporary INI file, never the developer's settings.
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("channelmgr-tests")
    QCoreApplication.setApplicationName("channelmgr-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def app_context(demo_services):
    from ui.app import build_context

    ctx = build_context(demo_services)
    yield ctx
    ctx.db_tasks.wait()
    ctx.net_tasks.wait()


@pytest.fixture
def window(qtbot, app_context):
    """The main window on the demo homestay, in Chinese (the default desk language)."""
    from ui import i18n
    from ui.main_window import MainWindow

    i18n.install_language("zh_CN")
    w = MainWindow(app_context)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    i18n.install_language("en")
