"""The command line: clear one-line errors, --db everywhere, demo loading, JSON output."""

import json
import subprocess
import sys

from channelmgr import __version__
from channelmgr.cli import main
from channelmgr.demo import RESERVATIONS
from tests.support.today import property_today


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert __version__ in capsys.readouterr().out


def test_init_demo_then_info_json(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    assert main(["info", "--json", "--db", sqlite_url]) == 0
    [prop] = json.loads(capsys.readouterr().out)
    assert prop["code"] == "ERHAI" and prop["room_count"] == 18


def test_demo_refused_on_a_database_with_data(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    assert main(["--db", sqlite_url, "init", "--demo"]) == 2
    err = capsys.readouterr().err
    assert "already has data" in err and "Traceback" not in err


def test_environment_variable_selects_the_database(sqlite_url, monkeypatch, capsys):
    monkeypatch.setenv("CHANNELMGR_DB", sqlite_url)
    assert main(["init", "--demo"]) == 0
    assert sqlite_url.removeprefix("sqlite:///") in capsys.readouterr().out


def test_default_database_lives_in_the_data_folder(tmp_path, capsys):
    assert main(["init"]) == 0
    assert (tmp_path / "data" / "channelmgr.sqlite3").exists()


def test_bad_url_is_one_clear_line_not_a_traceback():
    out = subprocess.run(
        [sys.executable, "-m", "channelmgr", "--db", "nosuchdb://x", "info"], capture_output=True, text=True
    )
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == ["channelmgr: error: Unknown database kind 'nosuchdb' in 'nosuchdb://x'"]


def test_bad_date_is_refused_with_the_value(sqlite_url, capsys):
    try:
        main(["--db", sqlite_url, "reservation", "list", "--from", "2026-02-30"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "not a date (want YYYY-MM-DD): '2026-02-30'" in capsys.readouterr().err


def test_reservation_list_filters_by_night(sqlite_url, capsys):
    from datetime import date, timedelta

    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    far = (property_today() + timedelta(days=400)).isoformat()
    assert main(["--db", sqlite_url, "reservation", "list", "--from", far, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", sqlite_url, "reservation", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(RESERVATIONS)


def test_every_subcommand_has_help():
    from channelmgr.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, subparser in sub.choices.items():
        assert subparser.format_help().strip(), name


def test_a_command_imports_only_its_own_module():
    # `channelmgr` (the desktop app) must not pay for openpyxl and the sync engine at start-up.
    code = (
        "import sys; from channelmgr.cli import build_parser, _command_named\n"
        "assert _command_named(['--db', 'sqlite://', 'info', '--json']) == 'info'\n"
        "assert _command_named([]) == 'gui' and _command_named(['--help']) is None\n"
        "build_parser(only='info')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('channelmgr.commands.', 'openpyxl'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['channelmgr.commands.info']"
