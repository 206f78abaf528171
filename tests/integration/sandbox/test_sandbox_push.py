"""Push ARI to the sandbox over real HTTP and read back what the OTA now shows."""

from __future__ import annotations

from datetime import date

import requests

from channelmgr.channels.send_result import Credentials, Outcome
from channelmgr.channels.opentravel_client import OpenTravelClient
from channelmgr.channels.opentravel_messages import build_notif, elements_per_range
from channelmgr.channels.opentravel_responses import parse_response
from channelmgr.sync.ranges import AvailCell, RateCell, RestrictionCell, coalesce, minimum_requests, pack


def remote_state(ota, hotel_code):
    """Read state through the HTTP API, as a benchmark or another process would."""
    response = requests.get(f"{ota.url}/api/state/{hotel_code}", timeout=5)
    assert response.status_code == 200
    return response.json()


def as_cells(state) -> set:
    cells = set()
    for i in state["inventory"]:
        cells.add(AvailCell(i["room"], date.fromisoformat(i["night"]), i["count"]))
    for r in state["rates"]:
        cells.add(RateCell(r["room"], r["rate"], date.fromisoformat(r["night"]), r["amount_minor"], r["currency"],
                           r["guests"]))
    for r in state["restrictions"]:
        cells.add(RestrictionCell(r["room"], r["rate"], date.fromisoformat(r["night"]), r["stop_sell"], r["cta"],
                                  r["ctd"], r["min_stay"], r["max_stay"]))
    return cells


def push(client, hotel_code, cells, *, limit=50, weekday_patterns=False):
    ranges = coalesce(cells, weekday_patterns=weekday_patterns)
    results = []
    for request in pack(ranges, limit, items_per_range=elements_per_range):
        results.append(client.send(build_notif(hotel_code, request)))
    return results


def desired_cells(night):
    cells = []
    for i in range(45):
        n = night(i)
        weekend = n.weekday() >= 4
        cells.append(AvailCell("DBL", n, 0 if i in (10, 11) else 3))
        cells.append(AvailCell("TWN", n, 2))
        cells.append(RateCell("DBL", "BAR", n, 48800 if weekend else 38800, "CNY"))
        cells.append(RateCell("DBL", "BAR", n, 42800 if weekend else 33800, "CNY", guests=1))
        cells.append(RateCell("TWN", "NRF", n, 29900, "CNY"))
        cells.append(RestrictionCell("DBL", "BAR", n, stop_sell=i == 20, cta=n.weekday() == 6,
                                     ctd=i == 30, min_stay=2 if weekend else 1, max_stay=14 if i < 7 else None))
    return cells


def test_pushed_inventory_rates_and_restrictions_read_back_equal(ota, client, h1, night):
    cells = desired_cells(night)
    results = push(client, h1.hotel_code, cells)
    assert [r.outcome for r in results] == [Outcome.OK] * len(results)
    assert all(r.http_status == 200 for r in results)
    assert as_cells(remote_state(ota, h1.hotel_code)) == set(cells)
    acknowledged = [c for r in results for rng in r.acknowledged for c in rng.cells()]
    assert set(acknowledged) == set(cells)


def test_weekday_pattern_ranges_land_on_the_right_nights(ota, client, h1, night):
    cells = [c for c in desired_cells(night) if isinstance(c, RateCell)]
    results = push(client, h1.hotel_code, cells, weekday_patterns=True)
    assert all(r.outcome is Outcome.OK for r in results)
    assert sum(len(r.message.items) for r in results) < len(coalesce(cells))  # patterns paid off
    assert as_cells(remote_state(ota, h1.hotel_code)) == set(cells)


def test_partial_errors_are_mapped_to_the_ranges_they_concern(ota, client, h1, night):
    good = [AvailCell("DBL", night(i), 4) for i in range(5)]
    unknown_room = [AvailCell("SUITE", night(i), 1) for i in range(3)]
    in_the_past = [AvailCell("TWN", night(-2), 1), AvailCell("TWN", night(-1), 1)]
    beyond_horizon = [AvailCell("TWN", night(59), 1), AvailCell("TWN", night(60), 1)]  # last sold night is 59
    also_good = [AvailCell("TWN", night(30), 2)]
    result = client.send(build_notif(h1.hotel_code, coalesce(good + unknown_room + in_the_past + beyond_horizon
                                                               + also_good)))
    assert result.outcome is Outcome.PARTIAL
    assert {rng.cell.remote_room for rng in result.accepted} == {"DBL", "TWN"}
    rejected = {(r.range.cell.remote_room, r.range.start): r.issues for r in result.rejected}
    assert set(rejected) == {("SUITE", night(0)), ("TWN", night(-2)), ("TWN", night(59))}
    assert rejected[("SUITE", night(0))][0].code == "402"
    assert "past" in rejected[("TWN", night(-2))][0].text
    assert "horizon" in rejected[("TWN", night(59))][0].text
    assert all(issue.status == "NotProcessed" for issues in rejected.values() for issue in issues)
    shown = as_cells(remote_state(ota, h1.hotel_code))
    assert shown == set(good + also_good)  # the refused ranges changed nothing


def test_unknown_rate_code_on_one_restriction_range_rejects_that_range_only(ota, client, h1, night):
    cells = [RestrictionCell("DBL", "BAR", night(1), cta=True), RestrictionCell("DBL", "PROMO", night(1))]
    result = client.send(build_notif(h1.hotel_code, coalesce(cells)))
    assert result.outcome is Outcome.PARTIAL
    assert [r.range.cell.remote_rate for r in result.rejected] == ["PROMO"]
    assert {i.code for i in result.rejected[0].issues} == {"249"}
    assert len(result.rejected[0].issues) == 3  # all three of its elements were refused


def test_a_request_for_another_hotel_is_rejected_whole(ota, client, h1, h2, night):
    result = client.send(build_notif(h2.hotel_code, coalesce([AvailCell("DBL", night(1), 1)])))
    assert result.outcome is Outcome.REJECTED
    assert result.rejected[0].issues[0].code == "392"
    assert remote_state(ota, h1.hotel_code)["inventory"] == []


def test_wrong_credentials_are_fatal_and_change_nothing(ota, h1, h2, night):
    intruder = OpenTravelClient(ota.endpoint(h1.hotel_code), Credentials(h1.username, "guess"))
    result = intruder.send(build_notif(h1.hotel_code, coalesce([AvailCell("DBL", night(1), 9)])))
    assert result.outcome is Outcome.FATAL and result.http_status == 401
    # H2's credentials are not H1's either: auth is per listing.
    other = OpenTravelClient(ota.endpoint(h1.hotel_code), Credentials(h2.username, h2.password))
    assert other.send(build_notif(h1.hotel_code, coalesce([AvailCell("DBL", night(1), 9)]))).http_status == 401
    state = remote_state(ota, h1.hotel_code)
    assert state["inventory"] == [] and state["counters"]["unauthorized"] == 2


def test_unknown_listing_is_fatal(ota, night):
    lost = OpenTravelClient(f"{ota.url}/ota/NOPE", Credentials("x", "y"))
    result = lost.send(build_notif("NOPE", coalesce([AvailCell("DBL", night(1), 1)])))
    assert result.outcome is Outcome.FATAL and result.http_status == 404


def test_channel_item_limit_is_enforced_and_pack_respects_it(ota, h2, night):
    client = OpenTravelClient(ota.endpoint(h2.hotel_code), Credentials(h2.username, h2.password))
    cells = [AvailCell("STD", night(i), i % 3) for i in range(20)]  # every night differs from the next
    too_big = client.send(build_notif(h2.hotel_code, coalesce(cells)))
    assert too_big.outcome is Outcome.REJECTED and "at most 5" in too_big.detail

    before = remote_state(ota, h2.hotel_code)["counters"]["requests"]
    results = push(client, h2.hotel_code, cells, limit=h2.max_items_per_request)
    assert all(r.outcome is Outcome.OK for r in results)
    state = remote_state(ota, h2.hotel_code)
    assert state["counters"]["requests"] - before == len(results) == minimum_requests(cells, 5) == 4
    assert as_cells(state) == set(cells)


def post_raw(ota, hotel, message_path, body):
    return requests.post(f"{ota.endpoint(hotel.hotel_code)}/{message_path}", data=body,
                         auth=(hotel.username, hotel.password),
                         headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=5)


def test_malformed_or_misdirected_requests_get_400_with_errors(ota, h1, night):
    for body in (b"<OTA_HotelAvailNotifRQ", b"", b'<!DOCTYPE x [<!ENTITY a "b">]><x/>'):
        response = post_raw(ota, h1, "OTA_HotelAvailNotif", body)
        assert response.status_code == 400
        assert parse_response(response.content).errors
    avail = build_notif(h1.hotel_code, coalesce([RestrictionCell("DBL", "BAR", night(1))]))
    response = post_raw(ota, h1, "OTA_HotelInvCountNotif", avail.body)
    assert response.status_code == 400
    assert "takes OTA_HotelInvCountNotifRQ" in parse_response(response.content).errors[0].text


def test_item_level_schema_problems_are_refused_per_item(ota, h1):
    ns = 'xmlns="http://www.opentravel.org/OTA/2003/05"'
    body = f"""<OTA_HotelInvCountNotifRQ {ns} EchoToken="e1" Version="1.000"><Inventories HotelCode="H1001">
      <Inventory><StatusApplicationControl Start="2026-06-05" End="2026-06-03" InvTypeCode="DBL"/>
        <InvCounts><InvCount CountType="2" Count="1"/></InvCounts></Inventory>
      <Inventory><StatusApplicationControl Start="2026-06-05" End="2026-06-09" Mon="true" Sat="false"
        InvTypeCode="DBL"/><InvCounts><InvCount CountType="2" Count="1"/></InvCounts></Inventory>
      <Inventory><StatusApplicationControl Start="2026-06-05" End="2026-06-09" InvTypeCode="DBL"/>
        <InvCounts><InvCount CountType="2" Count="-1"/></InvCounts></Inventory>
      <Inventory><StatusApplicationControl Start="2026-06-05" End="2026-06-06" InvTypeCode="TWN"/>
        <InvCounts><InvCount CountType="2" Count="2"/></InvCounts></Inventory>
    </Inventories></OTA_HotelInvCountNotifRQ>""".encode()
    response = post_raw(ota, h1, "OTA_HotelInvCountNotif", body)
    assert response.status_code == 200
    parsed = parse_response(response.content)
    assert parsed.echo_token == "e1"
    assert [(e.record_id, e.code) for e in parsed.errors] == [("1", "15"), ("2", "321"), ("3", "321")]
    assert "before Start" in parsed.errors[0].text and "all seven" in parsed.errors[1].text
    assert [i["room"] for i in remote_state(ota, h1.hotel_code)["inventory"]] == ["TWN", "TWN"]
