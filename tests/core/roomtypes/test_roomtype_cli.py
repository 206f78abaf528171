"""The room-type and room commands, through the real CLI entry point."""

import json

import pytest

from channelmgr.catalog import ATTRIBUTES, PROFILES
from channelmgr.cli import main


@pytest.fixture
def demo_url(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "init", "--demo"]) == 0
    capsys.readouterr()
    return sqlite_url


def test_roomtype_list_json(demo_url, capsys):
    assert main(["--db", demo_url, "roomtype", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in rows] == ["LKV", "GTW", "FAM", "LFT", "CQN", "RTS"]
    cqn = rows[4]
    assert cqn["room_count"] == 4 and [s["channel"] for s in cqn["scores"]] == list(PROFILES)
    assert all(s["score"] < 70 for s in cqn["scores"]) and "photos" in cqn["scores"][0]["missing_required"]


def test_roomtype_show_json_has_every_attribute_with_both_labels(demo_url, capsys):
    assert main(["--db", demo_url, "roomtype", "show", "LKV", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [a["key"] for a in shown["attributes"]] == [a.key for a in ATTRIBUTES]
    by_key = {a["key"]: a for a in shown["attributes"]}
    assert by_key["bed_type"]["label_zh"] == "主床型" and by_key["bed_type"]["label_en"] == "Main bed type"
    assert by_key["bed_type"]["value"] == "king" and by_key["bed_type"]["text_zh"] == "特大床"
    assert by_key["area_sqm"]["text_en"] == "32 m²"
    assert by_key["second_bed_type"]["value"] is None
    assert {s["channel"]: s["score"] for s in shown["completeness"]} == {ch: 100 for ch in PROFILES}
    assert len(shown["photos"]) == 4 and not any(p["missing"] for p in shown["photos"])


def test_roomtype_show_text(demo_url, capsys):
    assert main(["--db", demo_url, "roomtype", "show", "CQN"]) == 0
    out = capsys.readouterr().out
    assert "Floor area: 18 m²" in out
    assert "missing, required: Bathroom, Breakfast, Room photos" in out  # labels; --json keeps the keys


def test_unknown_code_is_one_line(demo_url, capsys):
    assert main(["--db", demo_url, "roomtype", "show", "NOPE"]) == 2
    assert capsys.readouterr().err.strip() == "channelmgr: error: No room type with code 'NOPE'"


def test_room_add_range_and_collision(demo_url, capsys):
    assert main(["--db", demo_url, "room", "add-range", "401–403", "--room-type", "CQN"]) == 0
    assert "Added 3 room(s) to CQN: 401, 402, 403" in capsys.readouterr().out
    assert main(["--db", demo_url, "room", "add-range", "403-405", "--room-type", "CQN"]) == 2
    assert "403" in capsys.readouterr().err
    assert main(["--db", demo_url, "room", "move", "401", "--to", "LKV"]) == 0
    capsys.readouterr()
    assert main(["--db", demo_url, "room", "list", "--room-type", "LKV", "--json"]) == 0
    rooms = json.loads(capsys.readouterr().out)
    assert [(r["number"], r["floor"]) for r in rooms][-1] == ("401", 4)
