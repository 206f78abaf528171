"""Reservation pull messages: OTA_ReadRQ out, OTA_ResRetrieveRS in, OTA_NotifReportRQ to acknowledge."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
import requests
from lxml import etree

from channelmgr.channels.errors import HostileXmlError, ProtocolError
from channelmgr.channels.send_result import Credentials, Outcome
from channelmgr.channels.opentravel_client import OpenTravelClient
from channelmgr.channels.opentravel_messages import OTA_NS
from channelmgr.channels.opentravel_reservations import build_notif_report, build_read_request, parse_res_retrieve

NS = {"o": OTA_NS}
STAMP = datetime(2026, 6, 1, tzinfo=timezone.utc)

RETRIEVED = """<?xml version="1.0" encoding="UTF-8"?>
<OTA_ResRetrieveRS xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0" EchoToken="read-1">
  <Success/>
  <ReservationsList>
    <HotelReservation CreateDateTime="2026-05-30T10:00:00+08:00" LastModifyDateTime="2026-05-31T09:00:00+08:00"
                      ResStatus="Book">
      <UniqueID Type="14" ID="CTRIP-88001"/>
      <RoomStays>
        <RoomStay>
          <RoomTypes><RoomType RoomTypeCode="DBL"/></RoomTypes>
          <RatePlans><RatePlan RatePlanCode="BAR"/></RatePlans>
          <GuestCounts><GuestCount AgeQualifyingCode="10" Count="2"/><GuestCount AgeQualifyingCode="8" Count="1"/></GuestCounts>
          <TimeSpan Start="2026-06-10" End="2026-06-13"/>
          <Total AmountAfterTax="1164.00" CurrencyCode="CNY"/>
          <Commission><CommissionPayableAmount Amount="174.60" CurrencyCode="CNY"/></Commission>
        </RoomStay>
        <RoomStay>
          <RoomTypes><RoomType RoomTypeCode="TWN"/></RoomTypes>
          <RatePlans><RatePlan RatePlanCode="NRF"/></RatePlans>
          <TimeSpan Start="2026-06-10" Duration="P2N"/>
          <Total AmountAfterTax="59800" DecimalPlaces="2" CurrencyCode="CNY"/>
          <Commission Percent="12.5"/>
        </RoomStay>
      </RoomStays>
      <ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer>
        <PersonName><GivenName>小明</GivenName><Surname>王</Surname></PersonName>
        <Telephone PhoneNumber="+86 138 0000 0000"/><Email>wang@example.cn</Email>
      </Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>
      <ResGlobalInfo>
        <Comments><Comment><Text>  晚到，约 23:00  </Text></Comment></Comments>
        <Total AmountAfterTax="1762.00" CurrencyCode="CNY"/>
        <TotalCommissions><CommissionPayableAmount Amount="24935" DecimalPlaces="2" CurrencyCode="CNY"/></TotalCommissions>
      </ResGlobalInfo>
    </HotelReservation>
    <HotelReservation ResStatus="Cancel">
      <ResGlobalInfo><HotelReservationIDs><HotelReservationID ResID_Type="14" ResID_Value="CTRIP-77000"/>
      </HotelReservationIDs></ResGlobalInfo>
      <RoomStays><RoomStay><TimeSpan Start="2026-06-20" End="bad"/></RoomStay></RoomStays>
    </HotelReservation>
  </ReservationsList>
</OTA_ResRetrieveRS>""".encode()


def test_read_request_asks_one_hotel_for_undelivered_reservations():
    message = build_read_request("H1001", since=date(2026, 5, 1), echo_token="read-1", timestamp=STAMP)
    root = etree.fromstring(message.body)
    assert root.tag == f"{{{OTA_NS}}}OTA_ReadRQ"
    hotel = root.find("o:ReadRequests/o:HotelReadRequest", NS)
    assert hotel.get("HotelCode") == "H1001"
    assert dict(hotel.find("o:SelectionCriteria", NS).attrib) == {"SelectionType": "Undelivered", "Start": "2026-05-01"}
    assert message.path == "OTA_Read" and message.response_name == "OTA_ResRetrieveRS"


def test_retrieved_reservations_become_plain_dicts_with_half_open_stays():
    response, reservations = parse_res_retrieve(RETRIEVED)
    assert response.success and response.echo_token == "read-1"
    first, cancelled = reservations
    assert (first["remote_id"], first["status"], first["total_minor"], first["commission_minor"], first["currency"]) == (
        "CTRIP-88001", "Book", 176200, 24935, "CNY")
    assert first["rooms"] == [
        {"room_code": "DBL", "rate_code": "BAR", "arrival": date(2026, 6, 10), "departure": date(2026, 6, 13),
         "nights": 3, "adults": 2, "children": 1, "amount_minor": 116400, "commission_minor": 17460,
         "currency": "CNY"},
        {"room_code": "TWN", "rate_code": "NRF", "arrival": date(2026, 6, 10), "departure": date(2026, 6, 12),
         "nights": 2, "adults": 0, "children": 0, "amount_minor": 59800,
         "commission_minor": 7475, "currency": "CNY"},  # a Percent of the room's total
    ]
    assert first["guest"] == {"given_name": "小明", "surname": "王", "phone": "+86 138 0000 0000",
                              "email": "wang@example.cn"}
    assert first["comments"] == ["晚到，约 23:00"]
    assert first["problems"] == []
    # A reservation we cannot fully read is kept and flagged, never dropped.
    assert cancelled["remote_id"] == "CTRIP-77000" and cancelled["status"] == "Cancel"
    assert cancelled["rooms"][0]["arrival"] is None and "TimeSpan" in cancelled["problems"][0]


@pytest.mark.parametrize("commission, problem", [
    ('<Commission Percent="fifteen"/>', "unreadable room commission Percent 'fifteen'"),
    ('<Commission><CommissionPayableAmount Amount="1.234" CurrencyCode="CNY"/></Commission>',
     "unreadable room commission '1.234'"),
])
def test_an_unreadable_commission_is_a_problem_of_the_reservation_not_a_zero(commission, problem):
    body = RETRIEVED.replace(b'<Commission Percent="12.5"/>', commission.encode())
    first = parse_res_retrieve(body)[1][0]
    assert any(p.startswith(problem) for p in first["problems"]), first["problems"]


def test_a_percent_commission_needs_the_amount_it_is_a_percent_of():
    body = RETRIEVED.replace(b'<Total AmountAfterTax="59800" DecimalPlaces="2" CurrencyCode="CNY"/>', b"")
    first = parse_res_retrieve(body)[1][0]
    assert first["rooms"][1]["commission_minor"] is None
    assert "room commission is a Percent (12.5) of an amount the reservation does not give" in first["problems"]


def test_an_empty_list_and_hostile_or_wrong_replies():
    empty = b'<OTA_ResRetrieveRS xmlns="http://www.opentravel.org/OTA/2003/05"><Success/></OTA_ResRetrieveRS>'
    assert parse_res_retrieve(empty)[1] == []
    with pytest.raises(HostileXmlError):
        parse_res_retrieve(b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><OTA_ResRetrieveRS>&x;</OTA_ResRetrieveRS>')
    with pytest.raises(ProtocolError, match="expected OTA_ResRetrieveRS"):
        parse_res_retrieve(empty.replace(b"ResRetrieve", b"HotelAvailNotif"))


def test_notif_report_acknowledges_each_stored_reservation_once():
    message = build_notif_report("H1001", ["CTRIP-88001", "CTRIP-77000", "CTRIP-88001"], timestamp=STAMP)
    root = etree.fromstring(message.body)
    assert [etree.QName(c).localname for c in root] == ["Success", "NotifDetails"]
    ids = root.findall("o:NotifDetails/o:HotelNotifReport/o:HotelReservations/o:HotelReservation/o:UniqueID", NS)
    assert [(u.get("Type"), u.get("ID")) for u in ids] == [("14", "CTRIP-88001"), ("14", "CTRIP-77000")]
    assert message.path == "OTA_NotifReport" and message.response_name == "OTA_NotifReportRS"
    with pytest.raises(ValueError):
        build_notif_report("H1001", [])


def test_the_client_hands_back_the_reply_for_parsing():
    class Session:
        def post(self, url, **kwargs):
            response = requests.Response()
            response.status_code, response._content = 200, RETRIEVED
            self.url = url
            return response

    session = Session()
    client = OpenTravelClient("https://ota.example/ota", Credentials("u", "p"), session=session)
    result = client.send(build_read_request("H1001", echo_token="read-1"))
    assert result.outcome is Outcome.OK and session.url == "https://ota.example/ota/OTA_Read"
    assert [r["remote_id"] for r in parse_res_retrieve(result.reply)[1]] == ["CTRIP-88001", "CTRIP-77000"]
