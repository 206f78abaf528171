"""The desktop app stops cleanly on SIGTERM and SIGINT (a logout, `timeout`, Ctrl+C)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_the_app_quits_cleanly_on_a_signal(tmp_path, number):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CHANNELMGR_DATA_DIR": str(tmp_path / "data"),
           "CHANNELMGR_READY_LINE": "1"}
    env.pop("CHANNELMGR_DB", None)
    # The app says "SHOWN …" on stdout once its first page has loaded (ui.app's readiness line):
    # the signal is sent when the app is really up, not after a guessed delay.
    app = subprocess.Popen([sys.executable, "-m", "channelmgr", "gui"], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        line = app.stdout.readline()
        assert line.startswith("SHOWN"), (line, app.stderr.read() if app.poll() is not None else "")
        app.send_signal(number)
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
    assert "Traceback" not in app.stderr.read()
    db = tmp_path / "data" / "channelmgr.sqlite3"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM room_type").fetchone()[0] > 0
