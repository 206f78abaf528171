"""Channex-style values: what one range becomes on the wire, and how a reply's warnings find it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from channelmgr.channels.adapter import adapter_for, request_kind, secret_label
from channelmgr.channels.channex_client import _judged
from channelmgr.channels.channex_messages import build_values
from channelmgr.channels.send_result import Outcome
from channelmgr.sync.ranges import AvailCell, Range, RateCell, RestrictionCell, pack

D = date(2027, 3, 1)  # a Monday


def rng(cell, days: int = 3, weekdays=None) -> Range:
    return Range(cell, D, date(2027, 3, days), weekdays)


def values(message) -> list[dict]:
    return json.loads(message.body)["values"]


def test_availability_values_carry_the_room_the_inclusive_dates_and_the_count():
    message = build_values("P1", [rng(AvailCell("R-DBL", D, 2)), rng(AvailCell("R-TWN", D, 0), 1)],
                           min_stay_basis="through")
    assert (message.http_method, message.path, message.pace) == ("POST", "api/v1/availability", "availability")
    assert values(message) == [
        {"property_id": "P1", "room_type_id": "R-DBL", "date_from": "2027-03-01", "date_to": "2027-03-03",
         "availability": 2},
        {"property_id": "P1", "room_type_id": "R-TWN", "date_from": "2027-03-01", "date_to": "2027-03-01",
         "availability": 0},
    ]
    assert len(message.items) == 2  # one value per range: values[n] is items[n]


def test_a_price_is_a_decimal_string_in_the_currencys_exponent_and_a_weekday_pattern_is_days():
    message = build_values("P1", [rng(RateCell("R-DBL", "RP-1", D, 38850, "CNY"), 14, frozenset({0, 4})),
                                  rng(RateCell("R-DBL", "RP-1", D, 12000, "JPY"))], min_stay_basis="through")
    first, second = values(message)
    assert first == {"property_id": "P1", "rate_plan_id": "RP-1", "date_from": "2027-03-01",
                     "date_to": "2027-03-14", "days": ["mo", "fr"], "rate": "388.50"}
    assert second["rate"] == "12000"  # yen have no minor unit
    assert message.path == "api/v1/restrictions" and message.pace == "restrictions"


@pytest.mark.parametrize("basis, field", [("arrival", "min_stay_arrival"), ("through", "min_stay_through")])
def test_restrictions_are_sent_whole_with_the_min_stay_field_of_the_basis(basis, field):
    cell = RestrictionCell("R-DBL", "RP-1", D, stop_sell=False, cta=True, ctd=False, min_stay=2, max_stay=None)
    [value] = values(build_values("P1", [rng(cell)], min_stay_basis=basis))
    assert value == {"property_id": "P1", "rate_plan_id": "RP-1", "date_from": "2027-03-01",
                     "date_to": "2027-03-03", field: 2, "max_stay": 0, "closed_to_arrival": True,
                     "closed_to_departure": False, "stop_sell": False}


def test_one_request_goes_to_one_endpoint_and_needs_a_property_and_a_known_basis():
    avail, rate = rng(AvailCell("R", D, 1)), rng(RateCell("R", "RP", D, 100, "CNY"))
    with pytest.raises(ValueError, match="one endpoint"):
        build_values("P1", [avail, rate], min_stay_basis="through")
    with pytest.raises(ValueError, match="property_id"):
        build_values("", [avail], min_stay_basis="through")
    with pytest.raises(ValueError, match="min_stay_basis"):
        build_values("P1", [rng(RestrictionCell("R", "RP", D))], min_stay_basis="weekly")


def test_prices_and_restrictions_share_requests_packed_to_the_item_limit():
    adapter = adapter_for("channex")
    ranges = ([rng(AvailCell(f"R{i}", D, 1)) for i in range(3)]
              + [rng(RateCell("R", f"RP{i}", D, 100, "CNY")) for i in range(4)]
              + [rng(RestrictionCell("R", f"RP{i}", D)) for i in range(3)])
    groups = pack(ranges, 5, items_per_range=adapter.items_per_range, request_kind=request_kind(adapter))
    # 3 availability values → 1 request; 7 restriction-endpoint values → ceil(7 / 5) = 2, not 1 + 1 + …
    assert [len(g) for g in groups] == [3, 5, 2]
    assert secret_label(adapter) == "API key" and adapter.default_settings["requests_per_minute"] == 10


def test_warnings_refuse_exactly_the_values_they_name_by_index_or_by_echo():
    ranges = [rng(RateCell("R", f"RP{i}", D, 100, "CNY")) for i in range(4)]
    message = build_values("P1", ranges, min_stay_basis="through")
    document = {"meta": {"warnings": [
        {"index": 1, "warning": {"rate_plan_id": ["is invalid"]}},
        {"rate_plan_id": "RP3", "date_from": "2027-03-01", "date_to": "2027-03-03", "warning": "closed"},
    ]}}
    result = _judged(message, document, 200, b"{}")
    assert result.outcome is Outcome.PARTIAL
    assert [r.range for r in result.rejected] == [ranges[1], ranges[3]]
    assert result.accepted == (ranges[0], ranges[2])
    assert "rate_plan_id: is invalid" in result.detail and "closed" in result.detail


def test_a_warning_that_names_no_value_we_sent_acknowledges_nothing():
    ranges = [rng(AvailCell("R", D, 1))]
    message = build_values("P1", ranges, min_stay_basis="through")
    result = _judged(message, {"meta": {"warnings": [{"index": 7, "warning": "?"}]}}, 200, b"{}")
    assert result.outcome is Outcome.REJECTED and result.accepted == ()
    assert "names no value we sent" in result.detail
    ok = _judged(message, {"data": [{"id": "t", "type": "task"}], "meta": {"message": "Success"}}, 200, b"{}")
    assert ok.outcome is Outcome.OK and ok.accepted == tuple(ranges)


def test_a_read_back_is_read_in_cell_terms_and_a_bad_value_is_refused_saying_where():
    from channelmgr.channels.channex_readback import availability_cells, read_request, restriction_cells
    from channelmgr.channels.errors import ProtocolError

    request = read_request("P1", "restrictions", D, date(2027, 3, 31))
    assert request.http_method == "GET" and request.path == (
        "api/v1/restrictions?filter%5Bproperty_id%5D=P1&filter%5Bdate%5D%5Bgte%5D=2027-03-01"
        "&filter%5Bdate%5D%5Blte%5D=2027-03-31")
    assert availability_cells(b'{"data": {"R-DBL": {"2027-03-01": 2}}}') == {("avail", "R-DBL", "", 0): {D: (2,)}}
    body = (b'{"data": {"RP-1": {"2027-03-01": {"rate": "388.50", "min_stay_arrival": 2, "max_stay": 0, '
            b'"closed_to_arrival": true, "closed_to_departure": false, "stop_sell": false}}, '
            b'"RP-other": {"2027-03-01": {"rate": "1.00"}}}}')
    assert restriction_cells(body, {"RP-1": "R-DBL"}, "CNY") == {
        ("rate", "R-DBL", "RP-1", 0): {D: (38850, "CNY")},
        ("restriction", "R-DBL", "RP-1", 0): {D: (False, True, False, 2, None)},
    }
    with pytest.raises(ProtocolError, match=r"data\['R-DBL'\]\['2027-02-30'\]: '2027-02-30' is not a date"):
        availability_cells(b'{"data": {"R-DBL": {"2027-02-30": 2}}}')
    with pytest.raises(ProtocolError, match=r"data\['R-DBL'\]\['2027-03-01'\]: -1 is not a number of rooms"):
        availability_cells(b'{"data": {"R-DBL": {"2027-03-01": -1}}}')
    with pytest.raises(ProtocolError, match=r"\.rate: '12.345' is not an amount in CNY"):
        restriction_cells(b'{"data": {"RP-1": {"2027-03-01": {"rate": "12.345"}}}}', {"RP-1": "R"}, "CNY")
