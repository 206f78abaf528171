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


def _literal_tr_strings():
    """Every literal passed to self.tr(...) or QCoreApplication.translate(ctx, ...) under ui/."""
    import ast

    ui_dir = TRANSLATIONS.parent.parent / "ui"
    for path in sorted(ui_dir.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            position = {"tr": 0, "translate": 1}.get(node.func.attr)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield f"{path.relative_to(ui_dir.parent)}:{node.lineno}", arg.value


def test_lupdate_collected_every_literal_string():
    # lupdate silently skips a call whose arguments contain a call or an attribute
    # (tr("%n x", "", obj.count)); such strings would never be translated.
    sources = set()
    for ts in TRANSLATIONS.glob("*.ts"):
        sources |= {m.findtext("source") for m in etree.parse(str(ts)).iter("message")}
    found = list(_literal_tr_strings())
    assert len(found) > 300
    missed = [f"{where}: {text!r}" for where, text in found if text not in sources]
    assert missed == [], "not in the .ts (pass counts as plain names, then scripts/update_translations):\n" + "\n".join(missed)
