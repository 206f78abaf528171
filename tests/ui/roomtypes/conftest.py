import pytest
from PySide6.QtWidgets import QMessageBox

from channelmgr.actor import Actor


@pytest.fixture(autouse=True)
def _no_real_message_boxes(monkeypatch):
    # A real modal question would wait for a click that never comes; tests that expect one patch it.
    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected question: {args[1:3]}")

    monkeypatch.setattr(QMessageBox, "question", unexpected)


@pytest.fixture(autouse=True)
def chinese_ui():
    from ui import i18n

    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


@pytest.fixture
def services(app_context):
    return app_context.services


@pytest.fixture
def actor():
    return Actor("tester", "pytest")


@pytest.fixture
def detail(services, app_context):
    return lambda code: services.room_types.find(app_context.property_id, code)


@pytest.fixture
def open_editor(qtbot, app_context, detail):
    """A shown editor for a demo room type (or a new one with code=None), Chinese labels."""
    from ui.roomtypes.editor import RoomTypeEditor

    editors = []

    def open_(code: str | None = "CQN", lang: str = "zh") -> RoomTypeEditor:
        editor = RoomTypeEditor(app_context, detail(code) if code else None, property_code="ERHAI", lang=lang)
        editor.show()  # not qtbot.addWidget: its close-at-teardown would ask about unsaved changes
        qtbot.waitExposed(editor)
        editors.append(editor)
        return editor

    yield open_
    for editor in editors:
        editor.photo_env.thumbnails.wait()
        editor.photo_env.imports.wait()
        editor.hide()  # a hidden dialog closes without asking about unsaved changes
        editor.close()
        editor.deleteLater()


def settle(qtbot, editor):
    """Let the typing pause pass, so the editor re-checks the form as it would for a person."""
    qtbot.waitUntil(lambda: not editor.checks_pending())
