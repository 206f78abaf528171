"""The sandbox's pages for people, its JSON config, and its command line."""

from __future__ import annotations

import json

import pytest
import requests

from channelmgr.channels.send_result import Credentials, Outcome
from channelmgr.channels.opentravel_client import OpenTravelClient
from channelmgr.channels.opentravel_messages import build_notif
from channelmgr.channels.sandbox import ListingConfig, load_listings, serve
from channelmgr.channels.sandbox.__main__ import main
from channelmgr.sync.ranges import AvailCell, RateCell, RestrictionCell, coalesce


def test_index_and_listing_grid_show_what_was_pushed(ota, client, h1, night):
    cells = [AvailCell("DBL", night(i), 3) for i in range(3)] + [
        RateCell("DBL", "BAR", night(0), 38800, "CNY"),
        RestrictionCell("DBL", "BAR", night(1), stop_sell=True, min_stay=2),
    ]
    for kind in (AvailCell, RateCell, RestrictionCell):
        assert client.send(build_notif(h1.hotel_code, coalesce(c for c in cells if isinstance(c, kind)))).outcome \
            is Outcome.OK

    index = requests.get(f"{ota.url}/", timeout=5)
    assert index.status_code == 200 and index.headers["Content-Type"].startswith("text/html")
    assert "H1001" in index.text and "H2002" in index.text and "/listing/H1001" in index.text

    page = requests.get(f"{ota.url}/listing/H1001", params={"days": 7}, timeout=5).text
    assert "DBL · rooms to sell" in page and "388.00" in page
    assert "SS min2" in page
    assert page.count("<br>") == 7  # one column per night
    assert requests.get(f"{ota.url}/listing/H1001", params={"start": "soon"}, timeout=5).status_code == 400
    assert requests.get(f"{ota.url}/listing/NOPE", timeout=5).status_code == 404
    assert requests.get(f"{ota.url}/api/state/NOPE", timeout=5).status_code == 404


def test_pages_escape_codes_they_did_not_choose(today):
    evil = "<script>alert(1)</script>"
    config = ListingConfig("H<b>", "u", "p", rooms={evil}, rates={"R&D"})
    with serve(listings=[config], today=lambda: today) as ota:
        client = OpenTravelClient(ota.endpoint("H%3Cb%3E"), Credentials("u", "p"))
        result = client.send(build_notif("H<b>", coalesce([AvailCell(evil, today, 1)])))
        assert result.outcome is Outcome.OK
        index = requests.get(f"{ota.url}/", timeout=5).text
        page = requests.get(f"{ota.url}/listing/H%3Cb%3E", timeout=5).text
    for html in (index, page):
        assert evil not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "R&amp;D" in page


def test_listings_load_from_json_and_unknown_fields_are_refused(tmp_path, today):
    path = tmp_path / "listings.json"
    path.write_text(json.dumps({"listings": [
        {"hotel_code": "J1", "username": "u", "password": "pw-json-secret", "rooms": ["DBL"], "rates": ["BAR"],
         "horizon_days": 10, "currency": "CNY", "max_items_per_request": 3},
    ]}), encoding="utf-8")
    [config] = load_listings(path)
    assert config.rooms == frozenset({"DBL"}) and config.max_items_per_request == 3
    assert "pw-json-secret" not in repr(config)
    with serve(listings=[config], today=lambda: today) as ota:
        assert ota.state("J1")["hotel_code"] == "J1"
        with pytest.raises(ValueError):
            ota.add_listing(config)

    path.write_text(json.dumps({"listings": [{"hotel_code": "J2", "username": "u", "password": "p", "colour": 1}]}))
    with pytest.raises(ValueError, match="colour"):
        load_listings(path)
    path.write_text("[]")
    with pytest.raises(ValueError):
        load_listings(path)


def test_command_line_reports_a_bad_config_instead_of_starting(tmp_path, capsys):
    missing = tmp_path / "nope.json"
    assert main(["--port", "0", "--config", str(missing)]) == 2
    assert "cannot load" in capsys.readouterr().err
