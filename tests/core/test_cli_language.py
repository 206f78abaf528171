"""The command line speaks one language at a time: Chinese by default, English when asked
(CHANNELMGR_LANG, then LC_ALL / LC_MESSAGES / LANG) — results, refusals, argparse's own words, --help."""

import argparse
import re

import pytest

from channelmgr.cli import build_parser, main
from channelmgr.cli_parser import columns, in_chinese, wrap_columns
from channelmgr.language import cli_language


@pytest.fixture
def chinese(monkeypatch):
    for name in ("CHANNELMGR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def demo_url(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    return sqlite_url


@pytest.mark.parametrize("environ, expected", [
    ({}, "zh"),
    ({"LANG": "C.UTF-8"}, "zh"),  # a server's locale is not a request for English
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),  # LC_ALL wins over LANG
    ({"LANG": "en_US.UTF-8", "CHANNELMGR_LANG": "zh"}, "zh"),  # the product's own setting wins
])
def test_language_is_chosen_from_the_environment(environ, expected):
    assert cli_language(environ) == expected


def test_results_and_refusals_are_chinese_by_default(chinese, demo_url, capsys):
    assert main(["--db", demo_url, "info"]) == 0
    assert "6 个房型，18 间房" in capsys.readouterr().out
    assert main(["--db", demo_url, "calendar", "edit", "--from", "2027-01-05", "--to", "2027-01-06",
                 "--min-stay", "2", "--dry-run"]) == 0
    assert "试运行：未写入" in capsys.readouterr().out
    assert main(["--db", demo_url, "roomtype", "show", "NOPE"]) == 2
    assert capsys.readouterr().err.strip() == "channelmgr: 错误：没有代码为 'NOPE' 的房型"
    assert main(["--db", demo_url, "price", "explain", "--room-type", "XXX", "--rate-plan", "BAR",
                 "--date", "2027-10-02"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("channelmgr: 错误：没有房型 'XXX'；已有：CQN, FAM") and "known" not in err
    assert main(["--db", demo_url, "calendar", "edit", "--from", "2027-01-05", "--to", "2027-01-05",
                 "--types", "LKV", "--plans", "BAR", "--price", "35800"]) == 2
    err = capsys.readouterr().err
    assert "个价格像是输错了" in err and "--force" in err


def test_argparse_refusals_are_worded_in_chinese(chinese, demo_url, capsys):
    with pytest.raises(SystemExit) as done:
        main(["--db", demo_url, "calendar", "show", "--days", "0"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：channelmgr calendar show")
    assert "channelmgr calendar show: 错误：参数 --days：应为 1 到 1098 晚，而不是 0" in err
    with pytest.raises(SystemExit):
        main(["--db", demo_url, "price", "explain", "--room-type", "LKV"])
    assert "错误：缺少必填参数：--rate-plan, --date" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", demo_url, "sync", "--bogus"])
    assert "错误：无法识别的参数：--bogus" in capsys.readouterr().err


def test_the_same_commands_in_english_when_asked(monkeypatch, demo_url, capsys):
    monkeypatch.setenv("CHANNELMGR_LANG", "en")
    assert main(["--db", demo_url, "info"]) == 0
    assert "6 room types, 18 rooms" in capsys.readouterr().out
    assert main(["--db", demo_url, "roomtype", "show", "NOPE"]) == 2
    assert capsys.readouterr().err.strip() == "channelmgr: error: No room type with code 'NOPE'"
    with pytest.raises(SystemExit):
        main(["--db", demo_url, "calendar", "show", "--days", "0"])
    assert "error: argument --days: 1 to 1098 nights, not 0" in capsys.readouterr().err


@pytest.mark.parametrize("english, chinese", [
    ("the following arguments are required: --to", "缺少必填参数：--to"),
    ("argument --kind: invalid choice: 'x' (choose from 'a', 'b')", "参数 --kind：无效的选项 'x'（可选：'a', 'b'）"),
    ("argument --floor: invalid int value: 'two'", "参数 --floor：无效的值 'two'"),
    ("argument --db: expected one argument", "参数 --db：需要一个值"),
    ("argument --open: not allowed with argument --close", "参数 --open：不能与参数 --close 同时使用"),
    ("something argparse may say one day", "something argparse may say one day"),  # shown, not hidden
])
def test_argparse_messages_have_chinese_forms(english, chinese):
    assert in_chinese(english) == chinese


def test_accounts_and_file_errors_are_chinese_by_default(chinese, sqlite_url, capsys, monkeypatch):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    out = capsys.readouterr().out
    assert "owner（管理员），密码 demo-owner-1" in out and "password" not in out
    monkeypatch.setenv("CHANNELMGR_PASSWORD", "demo-owner-1")
    assert main(["--db", sqlite_url, "--user", "owner", "user", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("desk") and "操作员" in line and "上次登录 从未" in line for line in lines), lines
    assert not any("last sign-in" in line or "active" in line for line in lines)
    assert main(["--db", sqlite_url, "--user", "owner", "export", "calendar", "-o", "/nonexistent/dir/x.xlsx"]) == 2
    assert capsys.readouterr().err.strip() == "channelmgr: 错误：找不到该文件或文件夹：/nonexistent/dir"


# -- --help -------------------------------------------------------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b")  # three words in a row


def _help(argv, capsys) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("argv, phrases", [
    ([], ("用法：channelmgr [-h] [--version]", "民宿渠道管理：房型与房间、房态日历、价格、OTA 渠道。", "\n位置参数：\n",
          "\n选项：\n", "-h, --help   显示此帮助信息并退出", "--version    显示程序版本号并退出",
          "calendar   房态日历：查看、批量修改", "以 NAME 登录（默认：$CHANNELMGR_USER")),
    (["calendar", "edit"], ("用法：channelmgr calendar edit [-h]", "\n选项：\n", "显示此帮助信息并退出",
                            "--to YYYY-MM-DD    最后一晚（含）", "--close            关房（停售）",
                            "--dry-run          试运行：只显示会修改多少个格子", "禁止入住（CTA）")),
    (["price", "rule", "add"], ("用法：channelmgr price rule add [-h] --kind", "\n位置参数：\n", "\n选项：\n",
                                "± 金额（元），如 80 或 -50", "尾房：提前 0…N 天", "默认：所有根价格计划",
                                "数值越大，在本阶段内越晚生效")),
])
def test_help_is_chinese_by_default(chinese, capsys, argv, phrases):
    out = _help(argv, capsys)
    for phrase in phrases:
        assert phrase in out, phrase
    assert not {"usage:", "options:", "positional arguments:"} & set(out.split()), out
    texts = out.partition("\n\n")[2]  # after the usage (names of options and commands)
    assert not ENGLISH_SENTENCE.search(texts), texts


@pytest.mark.parametrize("argv, phrases", [
    ([], ("usage: channelmgr [-h] [--version]", "Channel manager for homestays (民宿)", "\npositional arguments:\n",
          "\noptions:\n", "show this help message and exit", "show program's version number and exit",
          "the room-state calendar: show it, bulk-edit it")),
    (["calendar", "edit"], ("usage: channelmgr calendar edit [-h]", "last night, included", "stop-sell on",
                            "only say how many cells would change")),
    (["price", "rule", "add"], ("usage: channelmgr price rule add [-h] --kind", "\npositional arguments:\n",
                                "± amount, e.g. 80 or -50", "last minute: 0…N days ahead")),
])
def test_help_is_english_when_asked(chinese, monkeypatch, capsys, argv, phrases):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    out = _help(argv, capsys)
    for phrase in phrases:
        assert phrase in out, phrase
    assert not re.search("用法|选项|位置参数|显示此帮助|房态日历|最后一晚|尾房", out), out


def test_chinese_help_lines_fit_the_terminal(chinese, monkeypatch, capsys):
    # a Chinese character takes two columns: wrapped by character count, these lines ran 110 wide
    monkeypatch.setenv("COLUMNS", "80")
    for argv in ([], ["calendar", "edit"], ["report"], ["price", "rule", "add"]):
        for line in _help(argv, capsys).splitlines():
            if CJK.search(line):
                assert columns(line) <= 80, line
                assert line.strip()[0] not in "，。、；：）", line  # never a line starting with a closing sign


def test_wrapping_breaks_between_chinese_characters_and_keeps_words_whole():
    text = "SQLAlchemy 数据库 URL（默认：$CHANNELMGR_DB，否则为用户数据文件夹中的 SQLite）"
    lines = wrap_columns(text, 20)
    assert lines == ["SQLAlchemy 数据库", "URL（默认：", "$CHANNELMGR_DB，否则", "为用户数据文件夹中的", "SQLite）"]
    assert all(columns(line) <= 20 for line in lines)
    assert wrap_columns("a-very-long-option-name 的说明", 10) == ["a-very-long-option-name", "的说明"]


def _parsers(parser, path=()):
    """Every parser of the command line (argparse keeps them in private attributes only)."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                yield from _parsers(subparser, (*path, name))


def _help_texts(parser):
    if parser.description:
        yield "description", parser.description
    for group in parser._action_groups:
        if group.description:
            yield f"group {group.title}", group.description
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from ((a.dest, a.help) for a in action._choices_actions)
        elif isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            continue  # argparse's own words: the formatter puts them in Chinese (checked above)
        elif action.help not in (None, argparse.SUPPRESS):
            yield "/".join(action.option_strings) or action.dest, action.help


def test_every_help_text_has_its_chinese_wording(chinese):
    parser = build_parser()
    checked = 0
    for path, subparser in _parsers(parser):
        for name, text in _help_texts(subparser):
            assert CJK.search(text), f"{' '.join(['channelmgr', *path])} {name}: {text!r}"
            checked += 1
    assert checked > 150  # the walk reached every command's actions
