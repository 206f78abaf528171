"""The OpenTravel code-list entries the catalog refers to, with their official English names.

Only entries checked against published lists are here: the full OpenTravel RMA table as
reproduced by channel managers, Booking.com's "(RMA) Room Amenity Type Codes" page, SAP
Concur's supported-OTA-codes page and Travelport's room-view table. An `OtaCode` refuses any
(list, code) pair missing from this table, so a guessed number cannot slip into a declaration:
to use a new code, add it here first with its official name.

Beware two common mix-ups: RVT 4 is *Courtyard* view (Garden view is 16), and RMA 3 is
*Alarm clock* (5 is AM/FM radio).
"""

from __future__ import annotations

OTA_LIST_NAMES: dict[str, str] = {
    "RMA": "Room Amenity Type",
    "BED": "Bed Type",
    "RVT": "Room View Type",
}

OTA_CODE_LISTS: dict[str, dict[int, str]] = {
    "BED": {
        1: "Double",
        2: "Futon",
        3: "King",
        4: "Murphy bed",
        5: "Queen",
        6: "Sofa bed",
        7: "Tatami mats",
        8: "Twin",
        9: "Single",
        10: "Full",
        11: "Run of the house",
        12: "Dorm bed",
    },
    "RVT": {
        1: "Airport view",
        2: "Bay view",
        3: "City view",
        4: "Courtyard view",
        5: "Golf view",
        6: "Harbor view",
        7: "Intercoastal view",
        8: "Lake view",
        9: "Marina view",
        10: "Mountain view",
        11: "Ocean view",
        12: "Pool view",
        13: "River view",
        14: "Water view",
        15: "Beach view",
        16: "Garden view",
        17: "Park view",
        18: "Forest view",
        19: "Rain forest view",
        20: "Various views",
        21: "Limited view",
        22: "Slope view",
        23: "Strip view",
        24: "Countryside view",
        25: "Sea view",
    },
    # Room amenities: the subset the catalog uses, not the whole 280-entry list.
    "RMA": {
        2: "Air conditioning",
        7: "Balcony/Lanai/Terrace",
        8: "Barbeque grills",
        10: "Bathrobe",
        11: "Bathroom amenities",
        13: "Bathtub",
        19: "Coffee/Tea maker",
        26: "Cribs",
        28: "Desk",
        32: "Dishwasher",
        41: "Fireplace",
        48: "Grab bars in bathroom",
        50: "Hairdryer",
        55: "Iron",
        59: "Kitchen",
        61: "Kitchenette",
        67: "Loft",
        68: "Microwave",
        85: "Private bathroom",
        88: "Refrigerator",
        91: "Rollaway bed",
        92: "Safe",
        101: "Smoking",
        121: "Water purification system",
        123: "Wireless internet connection",
        140: "Pets allowed",
        142: "Shower",
        144: "Soundproofed room",
        161: "Accessible room",
        193: "Shared bathroom",
        228: "Slippers",
        245: "Private pool",
        250: "Round bed",
        251: "TV",
        254: "Video game player",
        264: "Blackout curtain",
        270: "Seating area with sofa/chair",
        290: "Room air purification system",
    },
}


def ota_code_name(list_name: str, code: int) -> str | None:
    """Official English name of a code, or None when the pair is not in the table."""
    return OTA_CODE_LISTS.get(list_name, {}).get(code)
