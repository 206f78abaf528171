"""argparse in the CLI's language: its own refusals ("the following arguments are required")
and the words of ``--help`` ("usage:", "options:", "show this help message and exit") are worded
in Chinese too, and every refusal ends the same way as the commands' own errors.

argparse words these in English through gettext, and Python ships no Chinese catalog for them.
The handful it produces are known (Lib/argparse.py), so each has its Chinese form here; one
argparse does not know yet falls back to its English text rather than being hidden. The commands'
own help texts are written in both languages where they are made (``help=say(en, zh)``): the
owners read ``--help`` as well, so it speaks their language like every other output. Chinese help
is wrapped by screen columns (a Chinese character takes two), which textwrap does not know.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata

from .language import cli_language

# (argparse's English, as a pattern) → the Chinese wording; named groups carry over.
_ARGPARSE_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(en), zh) for en, zh in (
    (r"^the following arguments are required: (?P<names>.+)$", "缺少必填参数：{names}"),
    (r"^unrecognized arguments: (?P<words>.+)$", "无法识别的参数：{words}"),
    (r"^invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)$", "无效的选项 {value}（可选：{choices}）"),
    (r"^invalid (?P<type>\w+) value: (?P<value>.+)$", "无效的值 {value}"),
    (r"^expected one argument$", "需要一个值"),
    (r"^expected at least one argument$", "至少需要一个值"),
    (r"^not allowed with argument (?P<other>.+)$", "不能与参数 {other} 同时使用"),
    (r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.+)$", "选项 {option} 有歧义，可能是 {matches}"),
    (r"^ignored explicit argument (?P<value>.+)$", "多余的值 {value}"),
))
_ARGUMENT = re.compile(r"^argument (?P<name>[^:]+): (?P<rest>.+)$", re.S)


def in_chinese(message: str) -> str:
    """argparse's message with argparse's own words in Chinese; a command's own reason (the text
    of an ArgumentTypeError, already in the CLI's language) is kept as it is."""
    argument = _ARGUMENT.match(message)
    if argument:
        return f"参数 {argument['name']}：{in_chinese(argument['rest'])}"
    for pattern, zh in _ARGPARSE_ZH:
        found = pattern.match(message)
        if found:
            return zh.format(**found.groupdict())
    return message


def error_prefix(language: str) -> str:
    return "错误：" if language == "zh" else "error: "


_USAGE_ZH = "用法："
# argparse's own words in --help (its section titles and the help of -h and --version) → Chinese
_HELP_ZH = {
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "show program's version number and exit": "显示程序版本号并退出",
}


class LocalizedHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with argparse's own words in the CLI's language. argparse makes a
    formatter for every usage line or help page it prints, so the language is the one of that moment."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._chinese = cli_language() == "zh"
        self._headings: list[str] = []

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        if prefix is None and self._chinese:
            prefix = _USAGE_ZH
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading) -> None:
        if self._chinese and heading:
            heading = _HELP_ZH.get(heading, heading)
            self._headings.append(heading)
        super().start_section(heading)

    def _split_lines(self, text: str, width: int) -> list[str]:
        # textwrap breaks only at spaces and counts a Chinese character as one column, so Chinese
        # help would run past the terminal's edge in lines twice too long
        if not self._chinese:
            return super()._split_lines(text, width)
        return wrap_columns(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:  # descriptions, as _split_lines
        if not self._chinese:
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap_columns(" ".join(text.split()), width - len(indent)))

    def _get_help_string(self, action) -> str | None:
        text = super()._get_help_string(action)
        return _HELP_ZH.get(text, text) if self._chinese and text else text

    def format_help(self) -> str:
        text = super().format_help()
        if not self._chinese:
            return text
        # argparse ends a section title with an ASCII colon; Chinese text takes the full-width one
        for heading in self._headings:
            text = re.sub(rf"^( *){re.escape(heading)}:$", rf"\g<1>{heading}：", text, flags=re.M)
        return _align_usage(text)


# A line may break before any Chinese character (or full-width sign) and at spaces, but never
# after an opening bracket nor before a closing sign (a line does not start with "，" or "）").
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_PIECE = re.compile(rf"\s+|[（「『《]*(?:[{_WIDE}]|[^\s{_WIDE}]+)")
_NO_LINE_START = set("，。、；：！？）」』》…")


def _align_usage(text: str) -> str:
    """argparse indents the usage's further lines by len("用法：") characters, but the prefix takes
    twice as many columns on screen: those lines get the difference, so they line up under it."""
    if not text.startswith(_USAGE_ZH):
        return text
    usage, blank, rest = text.partition("\n\n")
    first, *more = usage.split("\n")
    pad = " " * (columns(_USAGE_ZH) - len(_USAGE_ZH))
    return "\n".join([first, *(pad + line if line else line for line in more)]) + blank + rest


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes: a wide (Chinese) character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad_columns(text: str, width: int, *, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` terminal columns (table cells that line up in
    Chinese); ``right`` puts the spaces before it, for a heading over numbers."""
    fill = " " * max(0, width - columns(text))
    return fill + text if right else text + fill


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at spaces or between Chinese
    characters (a word longer than a line stays whole on a line of its own)."""
    lines, line = [], ""
    for piece in _PIECE.findall(text):
        if piece.isspace():
            line += " " if line else ""
        elif line and columns(line + piece) > width and piece[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = piece
        else:
            line += piece
    return [*lines, line.rstrip()] if line.strip() else lines


class LocalizedParser(argparse.ArgumentParser):
    """Subparsers are made by ``add_parser`` with the class of their parent, so every command and
    action of the CLI gets this formatter and these refusals."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", LocalizedHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        language = cli_language()
        self.print_usage(sys.stderr)
        text = in_chinese(message) if language == "zh" else message
        self.exit(2, f"{self.prog}: {error_prefix(language)}{text}\n")
