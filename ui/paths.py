"""Where the UI finds its resources (translations, icons, styles)."""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TRANSLATIONS = RESOURCES / "translations"
