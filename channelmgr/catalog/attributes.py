"""The room-type attributes an OTA listing asks for, declared once.

The editor, validation, Excel columns and exports are all generated from `ATTRIBUTES`, in
this order. To add a field, add one declaration to the right group below; keys are stored in
the database and in users' spreadsheets, so never rename one.

Money limits are in fen (see `Kind.MONEY`).
"""

from __future__ import annotations

from collections import Counter

from .types import Attribute, Choice, Group, Kind, OtaCode


def _rma(code: int) -> OtaCode:
    return OtaCode("RMA", code)


def _flag(key: str, label_zh: str, label_en: str, group: Group, rma: int | None = None,
          help_zh: str = "", help_en: str = "") -> Attribute:
    """A yes/no attribute, optionally tied to an OpenTravel room amenity code."""
    return Attribute(key, label_zh, label_en, group, Kind.BOOL,
                     ota_code=_rma(rma) if rma else None, help_zh=help_zh, help_en=help_en)


def _count(key: str, label_zh: str, label_en: str, group: Group, lowest: int, highest: int,
           required: bool = False) -> Attribute:
    return Attribute(key, label_zh, label_en, group, Kind.INTEGER, required=required,
                     min_value=lowest, max_value=highest)


BED_CHOICES = (
    Choice("double", "双人床", "Double bed", OtaCode("BED", 1)),
    Choice("queen", "大床", "Queen bed", OtaCode("BED", 5)),
    Choice("king", "特大床", "King bed", OtaCode("BED", 3)),
    Choice("twin", "双床", "Twin beds", OtaCode("BED", 8)),
    Choice("single", "单人床", "Single bed", OtaCode("BED", 9)),
    Choice("full", "标准双人床", "Full bed", OtaCode("BED", 10)),
    Choice("sofa_bed", "沙发床", "Sofa bed", OtaCode("BED", 6)),
    Choice("tatami", "榻榻米", "Tatami mats", OtaCode("BED", 7)),
    Choice("futon", "日式床垫", "Futon", OtaCode("BED", 2)),
    Choice("murphy_bed", "壁床", "Murphy bed", OtaCode("BED", 4)),
    Choice("bunk_bed", "上下铺", "Bunk bed"),
    Choice("round_bed", "圆床", "Round bed", _rma(250)),
    Choice("kang", "炕", "Kang (heated brick bed)"),
)

_BED_WIDTH = dict(unit="m", min_value="0.6", max_value="3.0", decimal_places=2,
                  help_zh="常见宽度 1.2、1.5、1.8、2.0 米", help_en="Usual widths: 1.2, 1.5, 1.8, 2.0 m")

_B, _BE, _S, _BA = Group.BASICS, Group.BEDS, Group.SPACE, Group.BATHROOM
_AM, _V, _AC, _P = Group.AMENITIES, Group.VIEW, Group.ACCESSIBILITY, Group.POLICIES
_D, _PH = Group.DESCRIPTIONS, Group.PHOTOS

ATTRIBUTES: tuple[Attribute, ...] = (
    # --- basics ------------------------------------------------------------------------------
    Attribute("room_code", "房型代码", "Room type code", _B, Kind.TEXT, required=True,
              max_length=20, pattern=r"[A-Za-z0-9_-]+",
              help_zh="字母、数字、-、_，用于与渠道房型对应", help_en="Letters, digits, - and _; used to map channel rooms"),
    Attribute("name_zh", "房型名称（中文）", "Room type name (Chinese)", _B, Kind.TEXT, required=True,
              max_length=40),
    Attribute("name_en", "房型名称（英文）", "Room type name (English)", _B, Kind.TEXT, max_length=80),
    Attribute("room_category", "房型类别", "Room category", _B, Kind.CHOICE, choices=(
        Choice("double_room", "大床房", "Double room"),
        Choice("twin_room", "双床房", "Twin room"),
        Choice("triple_room", "三人房", "Triple room"),
        Choice("family_room", "亲子房", "Family room"),
        Choice("suite", "套房", "Suite"),
        Choice("entire_home", "整套房屋", "Entire home"),
        Choice("villa", "独栋别墅", "Villa"),
        Choice("dorm_bed", "床位", "Bed in dormitory"),
    )),
    Attribute("style", "装修风格", "Decoration style", _B, Kind.CHOICE, choices=(
        Choice("nordic", "北欧", "Nordic"),
        Choice("japanese", "日式", "Japanese"),
        Choice("chinese", "中式", "Chinese"),
        Choice("new_chinese", "新中式", "New Chinese"),
        Choice("industrial", "工业风", "Industrial"),
        Choice("loft", "LOFT", "Loft apartment"),
        Choice("modern", "现代简约", "Modern minimalist"),
        Choice("light_luxury", "轻奢", "Affordable luxury"),
        Choice("vintage", "复古", "Vintage"),
        Choice("mediterranean", "地中海", "Mediterranean"),
        Choice("pastoral", "田园", "Country"),
        Choice("wabi_sabi", "侘寂", "Wabi-sabi"),
    )),
    _count("floor_min", "所在楼层（最低）", "Lowest floor", _B, -5, 200),
    _count("floor_max", "所在楼层（最高）", "Highest floor", _B, -5, 200),
    _count("bedroom_count", "卧室数", "Bedrooms", _B, 0, 30),
    _count("living_room_count", "客厅数", "Living rooms", _B, 0, 10),
    Attribute("highlights", "房型特色", "Highlights", _B, Kind.MULTI_CHOICE, max_items=6, choices=(
        Choice("floor_to_ceiling_window", "落地窗", "Floor-to-ceiling window"),
        Choice("skylight", "星空天窗", "Skylight"),
        Choice("private_hot_spring", "私汤温泉", "Private hot spring"),
        Choice("private_pool", "私人泳池", "Private pool", _rma(245)),
        Choice("duplex", "复式跃层", "Duplex", _rma(67)),
        Choice("fireplace", "壁炉", "Fireplace", _rma(41)),
        Choice("esports", "电竞房", "E-sports gaming setup"),
        Choice("kids_theme", "儿童主题", "Kids' theme"),
        Choice("rooftop_terrace", "屋顶露台", "Rooftop terrace"),
    )),
    _count("renovated_year", "装修年份", "Year last renovated", _B, 1950, 2100),

    # --- beds --------------------------------------------------------------------------------
    Attribute("bed_type", "主床型", "Main bed type", _BE, Kind.CHOICE, choices=BED_CHOICES),
    _count("bed_count", "主床数量", "Number of main beds", _BE, 1, 20),
    Attribute("bed_width_m", "主床宽度", "Main bed width", _BE, Kind.DECIMAL, **_BED_WIDTH),
    Attribute("second_bed_type", "第二床型", "Second bed type", _BE, Kind.CHOICE, choices=BED_CHOICES),
    _count("second_bed_count", "第二床型数量", "Number of second beds", _BE, 1, 20),
    Attribute("second_bed_width_m", "第二床型宽度", "Second bed width", _BE, Kind.DECIMAL, **_BED_WIDTH),
    _flag("extra_bed_allowed", "可加床", "Extra bed available", _BE, rma=91),
    Attribute("extra_bed_price", "加床价格（每晚）", "Extra bed price per night", _BE, Kind.MONEY,
              min_value=0, max_value=1_000_000),
    _flag("crib_available", "可提供婴儿床", "Crib available", _BE, rma=26),
    _flag("fresh_linen_each_guest", "一客一换床品", "Fresh linen for every guest", _BE),

    # --- space & occupancy -------------------------------------------------------------------
    Attribute("area_sqm", "面积", "Floor area", _S, Kind.DECIMAL, unit="m²", min_value=1,
              max_value=5000, decimal_places=1),
    _count("max_occupancy", "最多入住人数", "Maximum occupancy", _S, 1, 50, required=True),
    _count("standard_occupancy", "标准入住人数", "Standard occupancy", _S, 1, 50),
    _count("max_adults", "最多成人数", "Maximum adults", _S, 1, 50),
    _count("max_children", "最多儿童数", "Maximum children", _S, 0, 50),
    Attribute("window", "窗户", "Window", _S, Kind.CHOICE, choices=(
        Choice("window", "有窗", "Window"),
        Choice("no_window", "无窗", "No window"),
        Choice("partial", "部分有窗", "Some rooms have windows"),
        Choice("inner_window", "内窗", "Window onto a corridor or atrium"),
        Choice("skylight", "天窗", "Skylight only"),
        Choice("sealed", "封闭窗", "Window does not open"),
    ), help_zh="内窗指朝向走廊或天井的窗", help_en="An inner window faces a corridor or atrium, not outside"),
    Attribute("flooring", "地面", "Flooring", _S, Kind.CHOICE, choices=(
        Choice("wood", "木地板", "Wooden floor"),
        Choice("tile", "瓷砖", "Tiles"),
        Choice("carpet", "地毯", "Carpet"),
        Choice("marble", "大理石", "Marble"),
        Choice("tatami", "榻榻米", "Tatami"),
        Choice("microcement", "微水泥", "Microcement"),
    )),
    Attribute("orientation", "朝向", "Orientation", _S, Kind.CHOICE, choices=(
        Choice("south", "朝南", "South-facing"),
        Choice("north", "朝北", "North-facing"),
        Choice("east", "朝东", "East-facing"),
        Choice("west", "朝西", "West-facing"),
        Choice("south_east", "东南", "South-east"),
        Choice("south_west", "西南", "South-west"),
        Choice("north_east", "东北", "North-east"),
        Choice("north_west", "西北", "North-west"),
        Choice("through", "南北通透", "Windows on both sides"),
    )),
    _flag("private_yard", "带院子", "Private garden or yard", _S),

    # --- bathroom ----------------------------------------------------------------------------
    Attribute("bathroom_type", "卫浴", "Bathroom", _BA, Kind.CHOICE, choices=(
        Choice("private", "独立卫浴", "Private bathroom", _rma(85)),
        Choice("private_outside", "房外独立卫浴", "Private bathroom outside the room"),
        Choice("shared", "公共卫浴", "Shared bathroom", _rma(193)),
    )),
    _count("bathroom_count", "卫生间数", "Bathrooms", _BA, 0, 20),
    _flag("shower", "淋浴", "Shower", _BA, rma=142),
    _flag("bathtub", "浴缸", "Bathtub", _BA, rma=13),
    _flag("toiletries", "洗浴用品", "Free toiletries", _BA, rma=11),
    _flag("hairdryer", "吹风机", "Hairdryer", _BA, rma=50),
    _flag("hot_water_24h", "24小时热水", "Hot water 24 hours", _BA),
    _flag("slippers", "拖鞋", "Slippers", _BA, rma=228),
    _flag("towels", "毛巾浴巾", "Towels", _BA),
    _flag("bathrobe", "浴袍", "Bathrobe", _BA, rma=10),
    _flag("wet_dry_separation", "干湿分离", "Separate wet and dry areas", _BA),
    _flag("smart_toilet", "智能马桶", "Smart toilet", _BA),

    # --- amenities ---------------------------------------------------------------------------
    _flag("air_conditioning", "空调", "Air conditioning", _AM, rma=2),
    Attribute("heating", "供暖", "Heating", _AM, Kind.CHOICE, choices=(
        Choice("none", "无供暖", "No heating"),
        Choice("central", "集中供暖", "Central heating"),
        Choice("floor", "地暖", "Underfloor heating"),
        Choice("air_conditioner", "空调制暖", "Heating by air conditioner"),
        Choice("electric", "电暖器", "Electric heater"),
        Choice("wall_hung_boiler", "壁挂炉", "Wall-hung gas boiler"),
    )),
    _flag("wifi", "无线网络", "Wi-Fi", _AM, rma=123),
    _flag("tv", "电视", "TV", _AM, rma=251),
    _flag("projector", "投影仪", "Projector", _AM),
    Attribute("kitchen", "厨房", "Kitchen", _AM, Kind.CHOICE, choices=(
        Choice("none", "无厨房", "No kitchen"),
        Choice("kitchenette", "简易厨房", "Kitchenette", _rma(61)),
        Choice("full", "独立厨房", "Full kitchen", _rma(59)),
        Choice("shared", "公共厨房", "Shared kitchen"),
    )),
    _flag("cooking_allowed", "可做饭", "Cooking allowed", _AM),
    _flag("fridge", "冰箱", "Refrigerator", _AM, rma=88),
    _flag("microwave", "微波炉", "Microwave", _AM, rma=68),
    _flag("dishwasher", "洗碗机", "Dishwasher", _AM, rma=32),
    _flag("washer", "洗衣机", "Washing machine", _AM),
    _flag("dryer", "烘干机", "Tumble dryer", _AM),
    _flag("clothes_rack", "晾衣架", "Clothes drying rack", _AM),
    _flag("workspace", "书桌", "Desk or workspace", _AM, rma=28),
    _flag("sofa", "沙发", "Sofa", _AM, rma=270),
    _flag("balcony", "阳台", "Balcony or terrace", _AM, rma=7),
    _flag("soundproofing", "隔音", "Soundproofed", _AM, rma=144),
    _flag("blackout_curtains", "遮光窗帘", "Blackout curtains", _AM, rma=264),
    _flag("smoking_allowed", "可吸烟", "Smoking allowed", _AM, rma=101),
    _flag("pets_allowed", "可携带宠物", "Pets allowed", _AM, rma=140),
    _flag("mahjong_machine", "麻将机", "Mahjong table", _AM),
    _flag("karaoke", "K歌设备", "Karaoke", _AM),
    _flag("game_console", "游戏机", "Game console", _AM, rma=254),
    _flag("smart_lock", "智能门锁", "Smart lock", _AM, help_zh="可密码或刷卡自助入住",
          help_en="Guests can let themselves in with a code or card"),
    _flag("water_purifier", "净水器", "Water purifier", _AM, rma=121),
    _flag("air_purifier", "空气净化器", "Air purifier", _AM, rma=290),
    _flag("electric_kettle", "电热水壶", "Electric kettle", _AM),
    _flag("coffee_machine", "咖啡机", "Coffee machine", _AM, rma=19),
    _flag("iron", "熨斗", "Iron", _AM, rma=55),
    _flag("safe", "保险箱", "Safe", _AM, rma=92),
    _flag("bbq_grill", "烧烤架", "Barbecue grill", _AM, rma=8),

    # --- view --------------------------------------------------------------------------------
    Attribute("view", "景观", "View", _V, Kind.CHOICE, choices=(
        Choice("sea", "海景", "Sea view", OtaCode("RVT", 25)),
        Choice("mountain", "山景", "Mountain view", OtaCode("RVT", 10)),
        Choice("lake", "湖景", "Lake view", OtaCode("RVT", 8)),
        Choice("river", "江景", "River view", OtaCode("RVT", 13)),
        Choice("garden", "花园景", "Garden view", OtaCode("RVT", 16)),
        Choice("city", "城景", "City view", OtaCode("RVT", 3)),
        Choice("courtyard", "庭院景", "Courtyard view", OtaCode("RVT", 4)),
        Choice("countryside", "田园景", "Countryside view", OtaCode("RVT", 24)),
        Choice("forest", "森林景", "Forest view", OtaCode("RVT", 18)),
        Choice("pool", "泳池景", "Pool view", OtaCode("RVT", 12)),
        Choice("none", "无景观", "No particular view"),
    )),
    _flag("view_from_bed", "躺床看景", "View from the bed", _V),

    # --- accessibility -----------------------------------------------------------------------
    _flag("wheelchair_accessible", "无障碍客房", "Wheelchair accessible", _AC, rma=161),
    _flag("elevator", "电梯可达", "Reachable by elevator", _AC),
    _flag("ground_floor", "位于一楼", "On the ground floor", _AC, help_zh="无需上楼梯",
          help_en="No stairs to climb"),
    _flag("grab_rails", "卫生间扶手", "Grab rails in the bathroom", _AC, rma=48),
    Attribute("accessibility_notes", "无障碍说明", "Accessibility notes", _AC, Kind.TEXT,
              max_length=300, multiline=True),

    # --- policies ----------------------------------------------------------------------------
    Attribute("check_in_from", "最早入住时间", "Check-in from", _P, Kind.TIME),
    Attribute("check_out_until", "最晚退房时间", "Check-out until", _P, Kind.TIME),
    Attribute("cancellation_policy", "取消政策", "Cancellation policy", _P, Kind.CHOICE, choices=(
        Choice("free_1_day", "入住前1天免费取消", "Free cancellation up to 1 day before"),
        Choice("free_3_days", "入住前3天免费取消", "Free cancellation up to 3 days before"),
        Choice("free_7_days", "入住前7天免费取消", "Free cancellation up to 7 days before"),
        Choice("tiered", "阶梯取消", "Partial refund depending on notice"),
        Choice("non_refundable", "不可取消", "Non-refundable"),
    )),
    Attribute("deposit", "押金", "Security deposit", _P, Kind.MONEY, min_value=0, max_value=10_000_000,
              help_zh="0 表示免押金", help_en="0 means no deposit"),
    Attribute("breakfast", "早餐", "Breakfast", _P, Kind.CHOICE, choices=(
        Choice("none", "不含早餐", "No breakfast"),
        Choice("included", "含早餐", "Breakfast included"),
        Choice("paid", "早餐另付费", "Breakfast at extra cost"),
    )),
    Attribute("breakfast_price", "早餐价格（每人）", "Breakfast price per person", _P, Kind.MONEY,
              min_value=0, max_value=100_000),
    Attribute("children_policy", "儿童政策", "Children", _P, Kind.CHOICE, choices=(
        Choice("welcome", "接待所有年龄儿童", "Children of all ages welcome"),
        Choice("over_6", "仅接待6岁以上儿童", "Children over 6 only"),
        Choice("over_12", "仅接待12岁以上儿童", "Children over 12 only"),
        Choice("no_children", "不接待儿童", "No children"),
    )),
    Attribute("pet_policy", "宠物说明", "Pet rules", _P, Kind.TEXT, max_length=200,
              help_zh="如：仅限小型犬，需提前告知", help_en="E.g. small dogs only, tell us in advance"),
    Attribute("registration_rule", "入住登记", "Guest registration", _P, Kind.CHOICE, choices=(
        Choice("all_guests", "所有入住人需实名登记", "Every guest registers with ID"),
        Choice("main_guest", "一位入住人实名登记即可", "One guest registers with ID"),
    ), help_zh="按当地公安要求", help_en="As the local police require"),
    Attribute("foreign_guests", "接待外宾", "Foreign guests", _P, Kind.CHOICE, choices=(
        Choice("all", "可接待外宾", "Foreign guests accepted"),
        Choice("greater_china", "仅接待中国大陆及港澳台客人", "Mainland, HK, Macao and Taiwan guests only"),
        Choice("mainland_only", "仅接待中国大陆客人", "Mainland China guests only"),
    )),
    Attribute("quiet_hours_start", "安静时段开始", "Quiet hours from", _P, Kind.TIME),
    Attribute("quiet_hours_end", "安静时段结束", "Quiet hours until", _P, Kind.TIME),
    _flag("parties_allowed", "允许聚会活动", "Parties and events allowed", _P),
    Attribute("house_rules", "入住须知", "House rules", _P, Kind.TEXT, max_length=1000, multiline=True),

    # --- descriptions ------------------------------------------------------------------------
    Attribute("summary_zh", "一句话介绍（中文）", "Short description (Chinese)", _D, Kind.TEXT, max_length=60),
    Attribute("summary_en", "一句话介绍（英文）", "Short description (English)", _D, Kind.TEXT, max_length=150),
    Attribute("description_zh", "详细介绍（中文）", "Full description (Chinese)", _D, Kind.TEXT,
              max_length=2000, multiline=True),
    Attribute("description_en", "详细介绍（英文）", "Full description (English)", _D, Kind.TEXT,
              max_length=5000, multiline=True),

    # --- photos ------------------------------------------------------------------------------
    Attribute("photos", "房型照片", "Room photos", _PH, Kind.PHOTOS, min_items=3, max_items=50,
              help_zh="第一张为封面；至少 3 张", help_en="The first one is the cover; at least 3"),
    Attribute("bathroom_photos", "卫生间照片", "Bathroom photos", _PH, Kind.PHOTOS, max_items=20),
)


GROUPS: tuple[Group, ...] = tuple(Group)

_BY_KEY = {attribute.key: attribute for attribute in ATTRIBUTES}
_repeated = [key for key, n in Counter(a.key for a in ATTRIBUTES).items() if n > 1]
if _repeated:  # a second declaration would silently shadow the first in every lookup
    raise ValueError(f"attribute keys declared twice: {_repeated}")


def find(key: str) -> Attribute | None:
    """The attribute called `key`, or None."""
    return _BY_KEY.get(key)


def by_key(key: str) -> Attribute:
    """The attribute called `key`; KeyError if the catalog has none."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"no room attribute {key!r}") from None


def attributes_in_group(group: Group | str) -> tuple[Attribute, ...]:
    """The attributes of one editor section, in catalog order; `group` may be its key, e.g. "beds"."""
    if isinstance(group, str):
        group = next((g for g in Group if g.key == group), None) or _unknown_group(group)
    return tuple(attribute for attribute in ATTRIBUTES if attribute.group is group)


def _unknown_group(key: str) -> Group:
    raise KeyError(f"no attribute group {key!r}")
