"""Every UI string is translated, and the compiled .qm files match their .ts sources."""

import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree

from ui.paths import TRANSLATIONS


def test_no_unfinished_translation():
    for ts in TRANSLATIONS.glob("*.ts"):
        tree = etree.parse(str(ts))
        unfinished = [m.findtext("source") for m in tree.iter("message") if m.find("translation").get("type")]
        assert unfinished == [], f"{ts.name}: untranslated {unfinished}"


def test_compiled_qm_is_current(tmp_path):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    assert lrelease.exists() or shutil.which("pyside6-lrelease")
    for ts in TRANSLATIONS.glob("*.ts"):
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
        assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run scripts/update_translations ({ts.name})"
