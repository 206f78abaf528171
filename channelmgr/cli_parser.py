"""argparse in the CLI's language: its own refusals ("the following arguments are required")
are worded in Chinese too, and every refusal ends the same way as the commands' own errors.

argparse words its messages in English through gettext, and Python ships no Chinese catalog for
them. The handful it produces for a person's typing mistakes are known (Lib/argparse.py), so each
has its Chinese form here; one argparse does not know yet falls back to its English text rather
than being hidden. Help texts stay English: they are reference, not refusals.
"""

from __future__ import annotations

import argparse
import re
import sys

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


class LocalizedParser(argparse.ArgumentParser):
    def format_usage(self) -> str:
        usage = super().format_usage()
        return "用法：" + usage.removeprefix("usage: ") if cli_language() == "zh" else usage

    def error(self, message: str):
        language = cli_language()
        self.print_usage(sys.stderr)
        text = in_chinese(message) if language == "zh" else message
        self.exit(2, f"{self.prog}: {error_prefix(language)}{text}\n")
