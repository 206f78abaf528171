"""Cold start: process start → main window shown with the demo data, median of 5 runs.

Floor, measured in the same run: a process that imports PySide6, creates a QApplication and shows
an empty QWidget. Also the peak RSS of the app after the demo data is shown (ru_maxrss).
Runs offscreen unless DISPLAY is set.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5

FLOOR = """
import time, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1]); w = QWidget(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: (print(f"SHOWN {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


def _timed(cmd: list[str], env: dict) -> float:
    """Seconds from spawn to the child's SHOWN line."""
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    line = next((l for l in out.stdout.splitlines() if l.startswith("SHOWN ")), None)
    if line is None:
        raise SystemExit(f"no SHOWN line from {cmd}: {out.stderr[-2000:]}")
    return float(line.split()[1]) - start


def main() -> None:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["CHANNELMGR_BENCH_SHOWN"] = "1"
    # the demo database has accounts: sign in as its owner without the dialog (the measured start
    # includes that sign-in, one scrypt hash of about 0.1 s)
    env.setdefault("CHANNELMGR_USER", "owner")
    env.setdefault("CHANNELMGR_PASSWORD", "demo-owner-1")
    with tempfile.TemporaryDirectory() as tmp:
        env["CHANNELMGR_DATA_DIR"] = tmp  # empty default database: the demo is loaded on run 1
        app_cmd = [sys.executable, "-m", "channelmgr", "gui"]
        floor_cmd = [sys.executable, "-c", FLOOR]
        _timed(app_cmd, env)  # first run creates the database and the demo; not a cold *start*
        app_times, floor_times = [], []
        for _ in range(RUNS):
            floor_times.append(_timed(floor_cmd, env))
            app_times.append(_timed(app_cmd, env))
        # ru_maxrss of children is the max over all of them: measure the app alone, last.
        rss_kib = _rss_of_one_run(app_cmd, env)
    app_median = statistics.median(app_times)
    floor_median = statistics.median(floor_times)
    print(f"METRIC cold_start_median {app_median:.3f} s")
    print(f"METRIC cold_start_floor_empty_qapp {floor_median:.3f} s")
    print(f"METRIC cold_start_ratio_to_floor {app_median / floor_median:.2f} x")
    print(f"METRIC peak_rss_demo_shown {rss_kib / 1024:.1f} MiB")


def _rss_of_one_run(cmd: list[str], env: dict) -> int:
    code = (
        "import resource, subprocess, sys;"
        f"subprocess.run({cmd!r}, capture_output=True, timeout=120);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=180)
    return int(out.stdout.strip())


if __name__ == "__main__":
    main()
