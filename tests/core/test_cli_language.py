"""The command line speaks one language at a time: Chinese by default, English when asked
(CHANNELMGR_LANG, then LC_ALL / LC_MESSAGES / LANG) — results, refusals, argparse's own words."""

import pytest

from channelmgr.cli import main
from channelmgr.cli_parser import in_chinese
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
