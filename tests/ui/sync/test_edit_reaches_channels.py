"""The demo promise: a price typed in the calendar shows on the channels within seconds, by itself."""

from __future__ import annotations

from datetime import timedelta

from channelmgr.actor import Actor
from channelmgr.inventory.bulk_edit import BulkEditRequest, Operation
from tests.support.sync_world import sandbox_cells
from tests.ui.sync.test_channels_page import ota  # noqa: F401  (the demo's listings on a free port)
from ui.main_window import MainWindow


def test_a_calendar_price_edit_reaches_every_channel_within_seconds(qtbot, app_context, ota):  # noqa: F811
    services, pid = app_context.services, app_context.property_id
    window = MainWindow(app_context)  # starts the sync adapter, as the app does
    qtbot.addWidget(window)

    lkv = services.inventory.room_type(pid, "LKV")
    bar = next(p for p in lkv.rate_plans if p.code == "BAR")
    night = services.calendar.availability.today(pid) + timedelta(days=10)
    request = BulkEditRequest(pid, night, night, (lkv.id,), Operation.PRICE, 123400, rate_plan_ids=(bar.id,))
    services.calendar.bulk_edit.apply(request, Actor("desk", "test edit"), force=True)  # +110%: past the guard on purpose
    app_context.events.data_changed.emit("calendar")  # what the calendar page announces after an edit

    remote = {"ctrip": ("ERHAI-CTRIP", "CT-LKV", "CT-BAR"), "booking": ("ERHAI-BDC", "BDC-LKV", "BAR"),
              "meituan": ("ERHAI-MT", "MT1001", "MT-STD")}
    expected = {
        name: services.pricing.channel_prices(pid, name, "LKV", "BAR", [night])[night] for name in remote
    }
    assert expected["ctrip"] != 123400  # the channel's markup and rounding apply to the typed price

    def shown(name: str):
        hotel, room, rate = remote[name]
        cell = sandbox_cells(ota.state(hotel)).get(("rate", room, rate, night))
        return cell[0] if cell else None

    # Within seconds, with nobody pressing Push: the adapter turned the event into a pass.
    qtbot.waitUntil(lambda: all(shown(name) == expected[name] for name in remote), timeout=15000)
    window.close()
