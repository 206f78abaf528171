"""Which language the command line speaks, and picking a sentence in it.

Chinese unless the person asks for English: ``CHANNELMGR_LANG`` first, then the usual locale
variables (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) — the owners this is written for read Chinese
first, and a server's ``LANG=C.UTF-8`` is not a request for English. The desktop has its own
choice (Settings, kept per desk) and Qt's translator; this module is for the core and the CLI,
which never import Qt. Every sentence the CLI prints is written in both languages where it is
made (``say(en, zh)``), so no message can exist in one language only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")


def cli_language(environ: Mapping[str, str] = os.environ) -> str:
    for name in ("CHANNELMGR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def say(en: str, zh: str, language: str | None = None) -> str:
    """The sentence in the CLI's language (or ``language``)."""
    return en if (language or cli_language()) == "en" else zh
