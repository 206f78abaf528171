"""Completeness per channel for the demo room types: the full ones score high, CQN shows its gaps."""

from channelmgr.catalog import PROFILES, completeness


def test_every_channel_is_scored_in_profile_order(services, pid):
    for summary in services.room_types.list(pid):
        assert [s.channel for s in summary.scores] == list(PROFILES)


def test_complete_demo_types_score_high_everywhere(services, pid):
    scores = {rt.code: {s.channel: s.score for s in rt.scores} for rt in services.room_types.list(pid)}
    for code in ("LKV", "FAM", "LFT", "RTS"):
        assert set(scores[code].values()) == {100}, code
    assert scores["GTW"]["meituan"] == 98  # no highlights: one recommended field of 21 + 3×18
    assert min(scores["GTW"].values()) >= 90


def test_the_incomplete_demo_type_names_what_each_channel_misses(services, room_type):
    cqn = room_type("CQN")
    by_channel = {s.channel: s for s in cqn.scores}
    assert all(s.score < 70 for s in cqn.scores)
    assert "photos" in by_channel["ctrip"].missing_required
    assert by_channel["airbnb"].missing_required == ("bedroom_count", "bathroom_type", "bathroom_count",
                                                     "house_rules", "description_en", "photos")
    assert by_channel["airbnb"].first_missing == "bedroom_count"
    # Same numbers as the catalog's own formula.
    assert by_channel["fliggy"].score == completeness(cqn.attributes, PROFILES["fliggy"]).score == 64


def test_filling_the_missing_fields_raises_the_score(services, room_type, actor):
    cqn = room_type("CQN")
    before = {s.channel: s.score for s in cqn.scores}["fliggy"]
    after = services.room_types.update(actor, cqn.id, {"bathroom_type": "独立卫浴", "breakfast": "不含早餐"})
    fliggy = next(s for s in after.scores if s.channel == "fliggy")
    assert fliggy.score > before and fliggy.missing_required == ("photos",)
