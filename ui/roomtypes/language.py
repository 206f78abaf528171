"""Which language the catalog's labels and the core's messages are shown in.

Catalog labels and core refusals come in both languages as data (label_zh/label_en,
message_zh/message_en), not through tr(); this picks one, following the UI language.
"""

from __future__ import annotations

from .. import i18n


def catalog_language() -> str:
    """"zh" or "en", from the language chosen in Settings."""
    return "zh" if i18n.saved_language().startswith("zh") else "en"


def label(item, lang: str) -> str:
    """The label of a catalog attribute, choice, group or Problem in `lang`."""
    return item.label_zh if lang == "zh" else item.label_en


def mnemonic_safe(text: str) -> str:
    """Text for a tab, button, check box or buddy label, where "&" would mark a shortcut key
    ("Space & occupancy" would show as "Space_occupancy")."""
    return text.replace("&", "&&")


def problem_text(problem, lang: str) -> str:
    return problem.message_zh if lang == "zh" else problem.message_en


def error_text(error: Exception, lang: str) -> str:
    """A core refusal in `lang` when it carries both languages, else as it is."""
    message = getattr(error, "message", None)
    return message(lang) if callable(message) else str(error)



def room_type_name(room_type, lang: str) -> str:
    """A room type's name in `lang`, falling back to the Chinese one (the English is optional)."""
    return room_type.name_zh if lang == "zh" else (room_type.name_en or room_type.name_zh)
