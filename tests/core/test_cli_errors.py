"""No Python traceback ever reaches a person at the terminal.

Every command and subcommand (found in the parser itself, so a new one is covered the day it is
added) is run with a bogus option and with no arguments; the ones that read or write files are
given a path that cannot exist; numbers and dates get nonsense; and the listing commands write
into a pipe whose reader goes away. Each must answer with a message (or quietly end, for the
pipe), never with a traceback.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from channelmgr.cli import build_parser, main

# Commands that do not end by themselves (a window, a server, a scheduler) or reach the network.
LONG_RUNNING = {("gui",), ("sandbox",), ("sync",), ("ical", "serve")}
MISSING = "/nonexistent/dir/x.xlsx"


def _leaf_commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path
        return
    for name, child in subs[0].choices.items():
        yield from _leaf_commands(child, (*path, name))


LEAVES = sorted(set(_leaf_commands(build_parser())) - LONG_RUNNING)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'demo.sqlite3'}"
    assert main(["--db", url, "init", "--demo"]) == 0
    return url


def _run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_the_parser_lists_every_command():
    assert len(LEAVES) >= 25 and ("export",) in LEAVES and ("calendar", "edit") in LEAVES


@pytest.mark.parametrize("command", LEAVES, ids=" ".join)
def test_every_command_refuses_a_bogus_option_and_survives_no_arguments(command, demo_url, capsys):
    code, _, err = _run(capsys, "--db", demo_url, *command, "--no-such-option")
    # argparse names missing required arguments first, the unknown option otherwise.
    assert code == 2 and "Traceback" not in err and "error:" in err
    code, _, err = _run(capsys, "--db", demo_url, *command)
    assert "Traceback" not in err
    if code != 0:
        assert err.strip(), f"{command} failed without saying why"


@pytest.mark.parametrize("argv", [
    ["export", "calendar", "-o", MISSING],
    ["export", "rooms", "-o", MISSING],
    ["export", "reservations", "-o", MISSING],
    ["export", "report", "-o", MISSING, "--from", "2027-01-01", "--to", "2027-01-31"],
    ["import", "calendar", MISSING],
    ["import", "rooms", MISSING],
])
def test_a_path_that_cannot_exist_is_named_in_one_line(argv, demo_url, capsys):
    code, _, err = _run(capsys, "--db", demo_url, *argv)
    assert code != 0 and "Traceback" not in err
    assert "/nonexistent/dir" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [
    ["calendar", "show", "--days", "0"],
    ["calendar", "show", "--days", "-5"],
    ["calendar", "show", "--days", "100000"],
    ["calendar", "show", "--from", "2026-02-30"],
    ["calendar", "edit", "--from", "2027-01-10", "--to", "2027-01-01", "--close"],
    ["calendar", "edit", "--from", "2027-01-01", "--to", "2027-01-02", "--price", "abc", "--plans", "BAR"],
    ["calendar", "edit", "--from", "2027-01-01", "--to", "2027-01-02", "--rooms-closed", "-3"],
    ["calendar", "edit", "--from", "2027-01-01", "--to", "2027-01-02", "--types", "XXX", "--close"],
    ["price", "explain", "--room-type", "XXX", "--rate-plan", "BAR", "--date", "2027-01-05"],
    ["price", "show", "--room-type", "LKV", "--from", "2027-01-05", "--to", "2026-01-05"],
    ["roomtype", "show", "XXX"],
])
def test_bad_values_get_a_message_not_a_traceback(argv, demo_url, capsys):
    code, _, err = _run(capsys, "--db", demo_url, *argv)
    assert code != 0 and "Traceback" not in err and err.strip()


def test_an_unknown_room_type_is_named_as_such(demo_url, capsys):
    _, _, err = _run(capsys, "--db", demo_url, "price", "explain", "--room-type", "XXX", "--rate-plan", "BAR",
                     "--date", "2027-01-05")
    assert "room type 'XXX'" in err and "rate plan" not in err


def test_a_fat_finger_calendar_price_needs_force(demo_url, capsys):
    argv = ["--db", demo_url, "calendar", "edit", "--from", "2027-03-02", "--to", "2027-03-02", "--types", "LKV",
            "--plans", "BAR", "--price", "35800"]
    code, _, err = _run(capsys, *argv)
    assert code == 2 and "fat-finger" in err and "→ ¥35,800" in err and "--force" in err
    code, _, _ = _run(capsys, "--db", demo_url, "calendar", "show", "--from", "2027-03-02", "--days", "1", "--json")
    assert "3580000" not in capsys.readouterr().out
    code, out, _ = _run(capsys, *argv, "--force")
    assert code == 0 and "1 cells changed" in out


@pytest.mark.parametrize("argv", [
    ["calendar", "show", "--days", "365"],
    ["roomtype", "list"],
    ["reservation", "list"],
    ["price", "show", "--room-type", "LKV", "--from", "2027-01-01", "--to", "2027-12-31"],
])
def test_a_closed_pipe_ends_quietly(argv, demo_url):
    # `channelmgr … | head -c1`: the reader leaves after one byte; the writer must not traceback.
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    producer = subprocess.Popen([sys.executable, "-m", "channelmgr", "--db", demo_url, *argv],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    reader = subprocess.run(["head", "-c1"], stdin=producer.stdout, capture_output=True, timeout=60)
    producer.stdout.close()
    err = producer.stderr.read().decode()
    producer.wait(timeout=60)
    assert reader.stdout, "the command printed nothing"
    assert "Traceback" not in err and "BrokenPipe" not in err, err
