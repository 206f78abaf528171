"""The demo homestay: what a newcomer sees on first start, and what screenshots show.

A believable 民宿 by Erhai lake in Dali: 6 room types, 18 rooms on three floors, two rate plans
per type (standard and breakfast included), and a handful of bookings around today so the
calendar looks alive whatever the date: some taken at the desk, some from the demo's OTA
channels with the commission each keeps, so the reports' net revenue is below gross.

Five room types carry full listings (beds, amenities, policies, Chinese and English texts,
photos) and score high for every channel; 温馨大床房 (CQN) is left half-filled on purpose, so
the editor has something to show under "what is missing". The photos are generated placeholder
pictures written into the data folder, so thumbnails work without shipping image files.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from .actor import SYSTEM_ROLE, Actor
from .security.demo_accounts import add_demo_accounts
from .catalog import validate
from .db.engine import Database
from .db.models import Channel, ChannelMapping, Property, RatePlan, Reservation, ReservationRevision, Room, RoomType
from .inventory.nights import Clock, property_today, utc_now
from .roomtypes.photos import PhotoStore
from .roomtypes.png import banded_png
from .pricing.demo_rules import add_demo_pricing
from .pricing.money import HUNDRED, scale
from .pricing.property_settings import start_new_property
from .reservations.history import add_desk_revision
from .reservations.revisions import fingerprint, json_safe
from .security.audit import record
from .sync.demo_channels import DEMO_OTAS, add_demo_channels

DEMO_PROPERTY_CODE = "ERHAI"

# code, 中文名, English name, base price (yuan), rooms as (floor, numbers)
ROOM_TYPES = [
    ("LKV", "洱海景观大床房", "Lake View King", 588, [(3, ["301", "302", "303", "304"])]),
    ("GTW", "庭院双床房", "Courtyard Twin", 428, [(1, ["101", "102", "103"])]),
    ("FAM", "亲子家庭套房", "Family Suite", 788, [(2, ["201", "202"])]),
    ("LFT", "苍山景观Loft", "Cangshan Loft", 668, [(2, ["203", "204", "205"])]),
    ("CQN", "温馨大床房", "Cozy Queen", 358, [(1, ["105", "106"]), (2, ["206", "207"])]),
    ("RTS", "屋顶露台套房", "Rooftop Terrace Suite", 1088, [(3, ["305", "306"])]),
]

# (room type, guest, arrival in days from today, nights, source, amount in yuan, booked how many
# days before arrival): spread lead times give the booking-pace chart a curve, not one spike on
# the day the demo was loaded. The source is a desk one (phone, walk_in, wechat) or a demo OTA's
# name (sync/demo_channels.py): those came in from the channel, at its marked-up price, and it
# keeps its commission, so the reports show net revenue below gross. Every OTA booking is on a
# room type (and the standard plan) its channel maps, and no night is sold beyond the rooms.
RESERVATIONS = [
    ("LKV", "王芳", -1, 3, "phone", 1764, 12),
    ("LKV", "Emily Carter", 0, 2, "walk_in", 1176, 0),
    ("GTW", "李强", 1, 2, "wechat", 856, 9),
    ("FAM", "陈晓明一家", 2, 4, "phone", 3152, 35),
    ("LFT", "赵雪", 0, 1, "wechat", 668, 2),
    ("CQN", "孙磊", 3, 2, "phone", 716, 6),
    ("RTS", "周婷", 5, 3, "wechat", 3264, 21),
    ("CQN", "Lukas Meyer", 7, 5, "phone", 1790, 48),
    ("CQN", "黄静", 1, 2, "meituan", 788, 4),
    ("LKV", "刘洋", 4, 2, "ctrip", 1356, 18),
    ("GTW", "张伟", 6, 3, "ctrip", 1494, 25),
    ("RTS", "Sophie Martin", 9, 2, "booking", 2578, 60),
    ("FAM", "James Wilson", 10, 3, "trip-hub", 2664, 30),
]

# --- listings ------------------------------------------------------------------------------
# What the whole house shares: policies, bathroom basics, the usual amenities. Each complete
# room type starts from this and says what is different about it.
_HOUSE = {
    "check_in_from": "14:00", "check_out_until": "12:00", "cancellation_policy": "free_3_days",
    "deposit": 0, "breakfast": "paid", "breakfast_price": 3800, "children_policy": "welcome",
    "registration_rule": "all_guests", "foreign_guests": "all",
    "quiet_hours_start": "22:00", "quiet_hours_end": "08:00", "parties_allowed": False,
    "pet_policy": "暂不接待宠物，导盲犬除外",
    "house_rules": "入住时请出示所有入住人的有效身份证件。\n室内禁止吸烟，露台可吸烟。\n"
                   "22:00 后请保持安静，院子里有邻居的猫。\n退房时请把钥匙卡留在房间。",
    "bathroom_type": "private", "bathroom_count": 1, "shower": True, "toiletries": True,
    "hairdryer": True, "hot_water_24h": True, "slippers": True, "towels": True,
    "wet_dry_separation": True, "smart_toilet": False, "bathrobe": False,
    "air_conditioning": True, "heating": "air_conditioner", "wifi": True, "tv": True,
    "kitchen": "none", "cooking_allowed": False, "microwave": False, "dishwasher": False,
    "washer": False, "dryer": False, "clothes_rack": True, "workspace": True, "sofa": True,
    "soundproofing": True, "blackout_curtains": True, "smoking_allowed": False, "pets_allowed": False,
    "mahjong_machine": False, "karaoke": False, "game_console": False, "smart_lock": True,
    "water_purifier": True, "air_purifier": False, "electric_kettle": True, "iron": False,
    "safe": False, "bbq_grill": False, "fresh_linen_each_guest": True, "crib_available": True,
    "wheelchair_accessible": False, "elevator": False, "grab_rails": False,
    "accessibility_notes": "老宅改造，无电梯；一楼房间无台阶，可提前告知我们协助搬运行李。",
    "flooring": "wood", "window": "window", "renovated_year": 2023,
}

LISTINGS: dict[str, dict] = {
    "LKV": {
        **_HOUSE,
        "room_category": "double_room", "style": "wabi_sabi", "floor_min": 3, "floor_max": 3,
        "bedroom_count": 1, "living_room_count": 0, "highlights": ["floor_to_ceiling_window"],
        "bed_type": "king", "bed_count": 1, "bed_width_m": "1.8", "extra_bed_allowed": False,
        "area_sqm": "32", "max_occupancy": 2, "standard_occupancy": 2, "max_adults": 2, "max_children": 1,
        "orientation": "east", "private_yard": False, "bathtub": True, "projector": True, "fridge": True,
        "balcony": True, "coffee_machine": True, "view": "lake", "view_from_bed": True, "ground_floor": False,
        "summary_zh": "躺在床上看洱海日出", "summary_en": "Watch the sun rise over Erhai lake from your bed",
        "description_zh": "三楼临湖，整面落地窗正对洱海，天气好时能看到对岸的双廊。1.8 米大床配乳胶床垫，"
                          "窗边有浴缸，阳台放着两把藤椅，适合看日出、发呆。房间有投影仪和咖啡机，管家每天更换床品。",
        "description_en": "A third-floor room facing Erhai lake through a full-height window; on a clear day you "
                          "can see Shuanglang across the water. King bed with a latex mattress, a bathtub by the "
                          "window and a balcony with two rattan chairs for the sunrise. Projector and coffee machine "
                          "in the room.",
    },
    "GTW": {
        **_HOUSE,
        "room_category": "twin_room", "style": "new_chinese", "floor_min": 1, "floor_max": 1,
        "bedroom_count": 1, "living_room_count": 0, "highlights": [],
        "bed_type": "twin", "bed_count": 2, "bed_width_m": "1.2", "extra_bed_allowed": False,
        "area_sqm": "26", "max_occupancy": 2, "standard_occupancy": 2, "max_adults": 2, "max_children": 1,
        "orientation": "south", "private_yard": False, "bathtub": False, "projector": False, "fridge": False,
        "balcony": False, "coffee_machine": False, "view": "courtyard", "view_from_bed": False,
        "ground_floor": True, "grab_rails": True,
        "summary_zh": "推门就是开满三角梅的小院", "summary_en": "Step out into a courtyard full of bougainvillea",
        "description_zh": "一楼朝南，推门就是种满三角梅和多肉的院子，白族老宅的木窗格保留了下来。两张 1.2 米单人床，"
                          "适合朋友或同事出行。无台阶进出，行李不用上楼。",
        "description_en": "A south-facing ground-floor room opening onto a courtyard of bougainvillea and "
                          "succulents, with the carved wooden windows of the old Bai house kept. Two single beds, "
                          "step-free access, no stairs with luggage.",
    },
    "FAM": {
        **_HOUSE,
        "room_category": "family_room", "style": "pastoral", "floor_min": 2, "floor_max": 2,
        "bedroom_count": 2, "living_room_count": 1, "highlights": ["kids_theme"],
        "bed_type": "queen", "bed_count": 1, "bed_width_m": "1.8",
        "second_bed_type": "bunk_bed", "second_bed_count": 1, "second_bed_width_m": "1.2",
        "extra_bed_allowed": True, "extra_bed_price": 10000,
        "area_sqm": "55", "max_occupancy": 5, "standard_occupancy": 4, "max_adults": 3, "max_children": 3,
        "orientation": "through", "private_yard": False, "bathtub": True, "projector": True, "fridge": True,
        "kitchen": "kitchenette", "cooking_allowed": True, "microwave": True, "washer": True,
        "game_console": True, "balcony": True, "coffee_machine": False, "view": "garden", "view_from_bed": False,
        "ground_floor": False,
        "summary_zh": "两室一厅，孩子有自己的上下铺", "summary_en": "Two bedrooms, and the kids get their own bunk bed",
        "description_zh": "南北通透的两室一厅：主卧 1.8 米大床，儿童房是带护栏的上下铺和一箱绘本、积木。"
                          "客厅有投影和游戏机，简易厨房可以热奶、煮面，洗衣机随时可用。可加一张床。",
        "description_en": "Two bedrooms and a living room with windows on both sides: a queen bed for the "
                          "parents, a bunk bed with rails, picture books and building blocks for the children. "
                          "Projector and game console in the living room, a kitchenette for warming milk or noodles, "
                          "and a washing machine. One extra bed on request.",
    },
    "LFT": {
        **_HOUSE,
        "room_category": "suite", "style": "loft", "floor_min": 2, "floor_max": 3,
        "bedroom_count": 1, "living_room_count": 1, "highlights": ["skylight", "duplex"],
        "bed_type": "queen", "bed_count": 1, "bed_width_m": "1.8",
        "second_bed_type": "sofa_bed", "second_bed_count": 1, "second_bed_width_m": "1.5",
        "extra_bed_allowed": False,
        "area_sqm": "45", "max_occupancy": 3, "standard_occupancy": 2, "max_adults": 3, "max_children": 1,
        "orientation": "west", "private_yard": False, "bathtub": False, "projector": True, "fridge": True,
        "balcony": False, "coffee_machine": True, "view": "mountain", "view_from_bed": True, "ground_floor": False,
        "summary_zh": "复式 Loft，睡在天窗下看苍山", "summary_en": "A two-level loft with Cangshan through the skylight",
        "description_zh": "上下两层的 Loft：楼下是客厅和沙发床，楼上卧室的天窗正对苍山十九峰，晚上能看星星。"
                          "适合情侣或带一个孩子的家庭；楼梯较陡，不建议老人入住。",
        "description_en": "A two-level loft: living room and sofa bed downstairs, the bedroom upstairs under a "
                          "skylight facing the nineteen peaks of Cangshan — stars at night. Good for couples or a "
                          "family with one child; the stairs are steep for older guests.",
    },
    "CQN": {
        # Left half-filled on purpose: the editor shows what each channel still misses.
        "room_category": "double_room", "bed_type": "queen", "bed_count": 1, "bed_width_m": "1.5",
        "area_sqm": "18", "max_occupancy": 2, "wifi": True, "air_conditioning": True,
        "check_in_from": "14:00", "check_out_until": "12:00", "cancellation_policy": "free_1_day",
        "window": "inner_window",
    },
    "RTS": {
        **_HOUSE,
        "room_category": "suite", "style": "light_luxury", "floor_min": 3, "floor_max": 3,
        "bedroom_count": 1, "living_room_count": 1,
        "highlights": ["floor_to_ceiling_window", "fireplace", "rooftop_terrace"],
        "bed_type": "king", "bed_count": 1, "bed_width_m": "2", "extra_bed_allowed": True,
        "extra_bed_price": 15000,
        "area_sqm": "68", "max_occupancy": 3, "standard_occupancy": 2, "max_adults": 3, "max_children": 1,
        "orientation": "south_east", "private_yard": False, "bathtub": True, "bathrobe": True,
        "smart_toilet": True, "projector": True, "fridge": True, "balcony": True, "coffee_machine": True,
        "bbq_grill": True, "safe": True, "view": "lake", "view_from_bed": True, "ground_floor": False,
        "heating": "floor", "breakfast": "included", "breakfast_price": None,  # None: not set
        "summary_zh": "独享屋顶露台，洱海与苍山尽收眼底", "summary_en": "A private rooftop terrace between the lake and the mountains",
        "description_zh": "顶楼整层套房，独享 40 平米屋顶露台：东面看洱海日出，西面看苍山日落，可预约露台烧烤。"
                          "室内有壁炉、地暖和 2 米大床，浴缸面朝洱海。房费含两份早餐。",
        "description_en": "The whole top floor with a private 40 m² rooftop terrace: sunrise over Erhai to the "
                          "east, sunset behind Cangshan to the west, and a barbecue you can book. Fireplace, "
                          "underfloor heating, a 2-metre bed and a bathtub facing the lake. Breakfast for two included.",
    },
}

# Placeholder pictures: (caption, album, bands of (share, top colour, bottom colour)).
_SKY = (0.45, (150, 190, 230), (222, 236, 246))
_LAKE = (0.55, (70, 140, 160), (35, 90, 110))
_MOUNTAIN = (0.55, (90, 120, 110), (50, 75, 65))
_ROOM = (0.6, (236, 226, 208), (214, 196, 170))
_WOOD = (0.4, (150, 110, 75), (110, 78, 52))
_BATH = ((0.6, (236, 240, 242), (210, 220, 226)), (0.4, (170, 180, 188), (130, 142, 150)))
_GREEN = (0.55, (110, 160, 90), (70, 115, 60))
_PICTURES = {
    "view_lake": ((_SKY, _LAKE), "窗外的洱海"),
    "view_mountain": ((_SKY, _MOUNTAIN), "苍山十九峰"),
    "courtyard": ((_SKY, _GREEN), "开满三角梅的院子"),
    "bed": ((_ROOM, _WOOD), "卧室"),
    "living": (((0.5, (246, 240, 228), (230, 220, 200)), _WOOD), "客厅"),
    "bath": (_BATH, "卫生间"),
}
_PHOTOS = {
    "LKV": (["view_lake", "bed", "living"], ["bath"]),
    "GTW": (["courtyard", "bed", "living"], ["bath"]),
    "FAM": (["living", "bed", "courtyard", "view_mountain"], ["bath"]),
    "LFT": (["view_mountain", "bed", "living"], ["bath"]),
    "RTS": (["view_lake", "bed", "view_mountain", "living"], ["bath"]),
}


def load_demo(db: Database, today: date | None = None, accounts: bool = False, clock: Clock = utc_now) -> None:
    """Fill an empty database with the demo homestay (one transaction: all or nothing); with
    ``accounts``, also its owner/desk/viewer accounts (``init --demo``, the app's first start)."""
    actor = Actor("demo", "demo data", role=SYSTEM_ROLE)
    with db.session() as s:
        prop = Property(
            code=DEMO_PROPERTY_CODE,
            name_zh="云栖·洱海边的院子",
            name_en="Cloud Nest Courtyard by Erhai Lake",
            currency="CNY",
            address="云南省大理市大理镇才村 (Caicun, Dali, Yunnan)",
            phone="0872-0000000",
        )
        s.add(prop)
        s.flush()
        start_new_property(s, prop.id)  # whole-yuan desk prices, like any new property
        # Tonight at the property (Dali), not on this machine: between 16:00 and 24:00 UTC a
        # machine date puts the demo's "arriving today" guests on what the desk calls yesterday.
        today = today or property_today(s, prop.id, clock)
        types = _add_room_types(s, prop)
        # The channels (pointing at `channelmgr sandbox` on 127.0.0.1:8765) before the bookings:
        # the OTA ones point at theirs.
        channels = add_demo_channels(s, prop.id, types)
        _add_reservations(s, prop, types, channels, today, clock().astimezone(timezone.utc).replace(tzinfo=None), actor)
        add_demo_pricing(s, prop.id, actor)  # after the channels: Ctrip's markup goes on its row
        record(s, actor, "create", "property", prop.code, after={"name_zh": prop.name_zh})
        if accounts:
            add_demo_accounts(s, actor)


def demo_listing(code: str, name_zh: str, name_en: str, store: PhotoStore | None = None) -> tuple[dict, dict]:
    """(attributes, photo captions) of one demo room type; writes its placeholder photos."""
    listing = {key: value for key, value in LISTINGS[code].items() if value is not None}
    values = {"room_code": code, "name_zh": name_zh, "name_en": name_en, **listing}
    captions: dict[str, str] = {}
    store = store or PhotoStore()
    for album, names in zip(("photos", "bathroom_photos"), _PHOTOS.get(code, ((), ()))):
        refs = []
        for name in names:
            bands, caption = _PICTURES[name]
            ref = store.store_bytes(_picture(name, bands), "png", DEMO_PROPERTY_CODE, code)
            refs.append(ref)
            captions[ref] = caption
        if refs:
            values[album] = refs
    problems = validate(values)
    if problems:  # a slip in the listings above must not reach a newcomer's database
        raise ValueError(f"demo room type {code}: {problems}")
    return values, captions


@lru_cache(maxsize=None)
def _picture(name: str, bands: tuple) -> bytes:
    return banded_png(480, 320, bands)


def _add_room_types(s: Session, prop: Property) -> dict[str, RoomType]:
    types: dict[str, RoomType] = {}
    store = PhotoStore()
    for order, (code, zh, en, price, floors) in enumerate(ROOM_TYPES):
        attributes, captions = demo_listing(code, zh, en, store)
        rt = RoomType(property=prop, code=code, name_zh=zh, name_en=en, sort_order=order,
                      attributes=attributes, photo_captions=captions)
        standard = RatePlan(code="BAR", name_zh="标准价", name_en="Best available rate", base_price_minor=price * 100)
        breakfast = RatePlan(
            code="BB", name_zh="含双早", name_en="Breakfast for two", derive_kind="amount", derive_value="4000", sort_order=1
        )
        rt.rate_plans = [standard, breakfast]
        s.add(rt)
        s.flush()
        breakfast.parent_id = standard.id
        for floor, numbers in floors:
            for number in numbers:
                s.add(Room(property_id=prop.id, room_type_id=rt.id, number=number, floor=floor))
        types[code] = rt
    s.flush()
    return types


def _add_reservations(s: Session, prop: Property, types: dict[str, RoomType], channels: dict[str, Channel],
                      today: date, now: datetime, actor: Actor) -> None:
    for n, (code, guest, offset, nights, source, amount, lead) in enumerate(RESERVATIONS, start=1):
        arrival = today + timedelta(days=offset)
        booked = now + timedelta(days=min(0, offset - lead))  # never in the future
        booking = Reservation(
                property_id=prop.id,
                room_type_id=types[code].id,
                rate_plan_id=types[code].rate_plans[0].id,
                arrival=arrival,
                departure=arrival + timedelta(days=nights),
                guest_name=guest,
                guest_phone=f"138{n:08d}",
                amount_minor=amount * 100,
                currency=prop.currency,
                created_at=booked,
                **_origin(n, source, amount * 100, channels),
            )
        s.add(booking)
        s.flush()
        _add_history(s, booking, channels.get(source), actor, booked)


def _add_history(s: Session, booking: Reservation, channel: Channel | None, actor: Actor, at: datetime) -> None:
    """The revision each demo booking would have: the desk's "created" for a booking taken by hand,
    the channel's first message for an OTA's, as channel ingest stores it (without one the
    booking detail's history was empty for every demo booking)."""
    if channel is None:
        add_desk_revision(s, booking, "created", actor, first=True, at=at)
        return
    room_code = s.scalar(select(ChannelMapping.remote_room).where(
        ChannelMapping.channel_id == channel.id, ChannelMapping.room_type_id == booking.room_type_id))
    payload = json_safe({
        "remote_id": booking.remote_booking_id, "revision": "1", "status": "book",
        "guest": {"given_name": booking.guest_name, "phone": booking.guest_phone},
        "total_minor": booking.amount_minor, "currency": booking.currency,
        "commission_minor": booking.commission_minor,
        "rooms": [{"room_code": room_code, "arrival": booking.arrival, "departure": booking.departure}],
    })
    s.add(ReservationRevision(
        property_id=booking.property_id, reservation_id=booking.id, channel_id=channel.id,
        remote_id=booking.remote_booking_id, revision="1", received_at=at, change="created", status="confirmed",
        actor=actor.user, content_hash=fingerprint(payload, is_json_safe=True), payload=payload))


def _origin(n: int, source: str, amount_minor: int, channels: dict[str, Channel]) -> dict:
    """Where the n-th booking came from: a desk source, or a demo OTA, stored as channel ingest
    stores one (reservations/channel_ingest.py: source "channel", the channel's id, its booking id
    for the one room, revision 1) with the commission the channel charges, rounded half-up to
    the fen as the sandbox charges it."""
    ota = DEMO_OTAS.get(source)
    if ota is None:
        return {"source": source, "remote_id": None, "commission_minor": 0}
    channel = channels[source]
    remote_id = f"{channel.hotel_code}-D{n:04d}"
    return {"source": "channel", "channel_id": channel.id, "remote_id": remote_id, "remote_booking_id": remote_id,
            "revision": "1", "commission_minor": scale(amount_minor, ota.commission_percent / HUNDRED)}
