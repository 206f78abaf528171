"""The core must run headless: importing all of channelmgr never loads Qt or the ui package."""

import pkgutil
import subprocess
import sys

import channelmgr


def test_every_core_module_imports_without_qt():
    # __main__ runs the CLI when imported; everything else must be importable as a library.
    modules = [
        m.name for m in pkgutil.walk_packages(channelmgr.__path__, "channelmgr.") if not m.name.endswith("__main__")
    ]
    assert len(modules) > 10, modules  # the walk found the package, not an empty folder
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui.')) or m == 'ui')\n"
        "print(repr(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]", f"Qt or ui loaded by the core: {out.stdout}"
