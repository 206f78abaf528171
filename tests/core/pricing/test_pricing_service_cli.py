"""``channelmgr price …`` on the demo homestay: show, explain, rules, and the guard's --force."""

from __future__ import annotations

import json

import pytest

from channelmgr.cli import main


@pytest.fixture
def demo_url(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    return sqlite_url


def run(url, capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main(["--db", url, "price", *argv])
    except SystemExit as exc:  # argparse refusals
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_show_json_lists_every_night_and_plan(demo_url, capsys):
    code, out, _ = run(demo_url, capsys, "show", "--room-type", "LKV", "--channel", "ctrip",
                       "--from", "2026-10-01", "--to", "2026-10-03", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["rate_plan"], r["night"], r["price_minor"], r["min_stay"]) for r in rows] == [
        ("BAR", "2026-10-01", 101800, 2), ("BAR", "2026-10-02", 115800, 2),
        ("BB", "2026-10-01", 106800, 2), ("BB", "2026-10-02", 120800, 2),
    ]


def test_show_text_has_one_line_per_night(demo_url, capsys):
    code, out, _ = run(demo_url, capsys, "show", "--room-type", "CQN", "--rate-plan", "BAR",
                       "--from", "2026-11-10", "--to", "2026-11-12")
    assert code == 0
    assert out.splitlines()[1:] == ["2026-11-10 Tue  BAR ¥358", "2026-11-11 Wed  BAR ¥358"]


def test_explain_prints_the_steps_and_the_chain(demo_url, capsys):
    code, out, _ = run(demo_url, capsys, "explain", "--room-type", "LKV", "--rate-plan", "BAR",
                       "--channel", "ctrip", "--date", "2026-10-02")
    assert code == 0
    assert "  Weekend\t+80\t¥668" in out
    assert out.splitlines()[-1] == ("Base price (Best available rate) =588 → Weekend +80 → National Day ×1.5 → "
                                    "Ctrip markup +15% → Ctrip rounding ↑…8 → 1158   (min stay 2 nights)")


def test_rules_can_be_added_listed_disabled_and_removed(demo_url, capsys):
    code, out, _ = run(demo_url, capsys, "rule", "add", "早鸟", "--kind", "early_bird", "--at-least-days", "60",
                       "--percent", "-5", "--valid-to", "2027-06-30", "--label-en", "Early bird")
    assert (code, out.strip()) == (0, "Added rule 6 早鸟: -5% 60+ days ahead")
    code, out, _ = run(demo_url, capsys, "rule", "add", "周五", "--kind", "weekdays", "--days", "fri",
                       "--add", "20", "--room-types", "LKV,RTS")
    assert code == 0
    code, out, _ = run(demo_url, capsys, "rule", "disable", "周末")
    assert (code, out.strip()) == (0, "Rule 1 周末 disabled")
    code, out, _ = run(demo_url, capsys, "rule", "set", "早鸟", "--percent", "-8")
    assert code == 0 and "-8%" in out
    code, out, _ = run(demo_url, capsys, "rule", "list")
    lines = {line.split("\t")[2]: line for line in out.splitlines()}
    assert lines["周末"].split("\t")[1].strip() == "off"
    assert "on Fri\tLKV, RTS" in lines["周五"]
    assert "2026" not in lines["早鸟"] and "…2027-06-30" in lines["早鸟"]
    code, out, _ = run(demo_url, capsys, "rule", "remove", "6")
    assert (code, out.strip()) == (0, "Removed rule 6 早鸟")
    code, out, _ = run(demo_url, capsys, "rule", "list", "--json")
    assert [rule["name"] for rule in json.loads(out)] == ["周末", "周五", "暑期", "国庆", "春节", "尾房"]


def test_set_base_needs_force_for_a_fat_finger(demo_url, capsys):
    code, _, err = run(demo_url, capsys, "set-base", "--room-type", "CQN", "--rate-plan", "BAR", "--price", "38.8")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "fat-finger guard" in err and "CQN/BAR" in err and "--force" in err
    code, out, _ = run(demo_url, capsys, "set-base", "--room-type", "CQN", "--rate-plan", "BAR", "--price", "38.8",
                       "--force")
    assert code == 0 and out.startswith("CQN/BAR base price ¥38.80:")
    code, out, _ = run(demo_url, capsys, "show", "--room-type", "CQN", "--rate-plan", "BAR",
                       "--from", "2026-11-10", "--to", "2026-11-11")
    assert "BAR ¥39" in out  # the base price is ¥38.80; the desk's price is in whole yuan


@pytest.mark.parametrize("argv, message", [
    (["show", "--room-type", "LKV", "--from", "2026-02-30", "--to", "2026-03-02"],
     "argument --from: not a date (want YYYY-MM-DD): '2026-02-30'"),
    (["show", "--room-type", "LKV", "--from", "2026-03-02", "--to", "2026-03-01"],
     "the last night must come after the first: 2026-03-02 … 2026-03-01"),
    (["explain", "--room-type", "LKV", "--rate-plan", "BAR", "--channel", "fliggy", "--date", "2026-03-02"],
     "No channel 'fliggy'"),
    (["set-base", "--room-type", "LKV", "--rate-plan", "BAR", "--price", "38.888"],
     "at most two decimals"),
    (["set-base", "--room-type", "LKV", "--rate-plan", "BB", "--price", "400"], "follows another plan"),
    (["rule", "add", "x", "--kind", "weekdays", "--days", "funday", "--add", "10"], "not a weekday"),
    (["rule", "add", "x", "--kind", "holiday", "--holidays", "圣诞节", "--add", "10"], "rule 'x': unknown holiday"),
    (["rule", "enable", "nope"], "No price rule 'nope'"),
])
def test_mistakes_are_one_clear_line(demo_url, capsys, argv, message):
    code, _, err = run(demo_url, capsys, *argv)
    assert code == 2 and message in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("channelmgr")]) == 1
