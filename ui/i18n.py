"""UI language: Chinese (default) or English, chosen in Settings and applied at start-up.

Source strings in the code are English; Chinese comes from resources/translations/*.qm
(compiled from the .ts sources with pyside6-lrelease; see scripts/update_translations).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .paths import TRANSLATIONS

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []


def saved_language() -> str:
    lang = QSettings().value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    QSettings().setValue(SETTINGS_KEY, lang)


def core_language() -> str:
    """The installed language as the core names it ("zh" or "en"), for text the core words itself
    (a CSV it writes): the one the desk shows, set by ``install_language``."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def install_language(lang: str) -> None:
    """Replace the installed translators with those for ``lang`` (English needs none of ours)."""
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS / f"channelmgr_{lang}.qm")):
        raise FileNotFoundError(f"missing translation channelmgr_{lang}.qm in {TRANSLATIONS}")
    qt_own = QTranslator(app)  # Qt's own dialogs (OK/Cancel…) in the same language
    if qt_own.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
