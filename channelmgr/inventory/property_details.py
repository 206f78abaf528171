"""A property's own details (names, address, phone, time zone): read and changed, audited.

The code and the currency are shown but not changed here: the code names the property in every
command and file, and every stored price is in the currency — changing either is a migration of
its own, not a settings edit.

The time zone decides what "tonight" is for the calendar, the front desk and the channels, so it
must be a zone the system knows (``Asia/Shanghai``), never a free text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..actor import Actor
from ..db.engine import Database
from ..db.models import Property
from ..errors import NotFound, UserError
from ..security.audit import record
from ..security.roles import Permission, requires

# The column sizes of ``Property`` (channelmgr/db/models.py).
MAX_NAME = 200
MAX_ADDRESS = 500
MAX_PHONE = 50
_PHONE = re.compile(r"[0-9+\-() ]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class PropertyDetailsInvalid(UserError):
    """A field the owner typed cannot be saved; nothing was written. ``field`` names it."""

    def __init__(self, field: str, message_en: str, message_zh: str):
        super().__init__(f"{field}: {message_en}", message_zh)
        self.field = field


@dataclass(frozen=True)
class PropertyDetails:
    id: int
    code: str
    currency: str
    name_zh: str
    name_en: str
    address: str
    phone: str
    timezone: str

    def changed(self, **fields: str) -> PropertyDetails:
        """These details with some fields as typed (surrounding spaces dropped)."""
        return replace(self, **{key: value.strip() for key, value in fields.items()})


#: The fields ``update`` writes (the others are shown only).
EDITABLE = ("name_zh", "name_en", "address", "phone", "timezone")


def validate(details: PropertyDetails) -> None:
    """Raises PropertyDetailsInvalid for the first field that cannot be stored."""
    if not details.name_zh:
        raise PropertyDetailsInvalid("name_zh", "the Chinese name is required", "请填写中文名称")
    for key, limit in (("name_zh", MAX_NAME), ("name_en", MAX_NAME), ("address", MAX_ADDRESS),
                       ("phone", MAX_PHONE)):
        value = getattr(details, key)
        if len(value) > limit:
            raise PropertyDetailsInvalid(key, f"at most {limit} characters, got {len(value)}",
                                         f"最多 {limit} 个字，现在 {len(value)} 个")
        if _CONTROL.search(value):
            raise PropertyDetailsInvalid(key, "contains line breaks or control characters", "含有换行或控制字符")
    if not _PHONE.fullmatch(details.phone):
        raise PropertyDetailsInvalid("phone", f"{details.phone!r} is not a phone number (digits, + - ( ) and spaces)",
                                     f"“{details.phone}”不是电话号码（只能有数字、+ - ( ) 和空格）")
    try:
        ZoneInfo(details.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise PropertyDetailsInvalid("timezone", f"unknown time zone {details.timezone!r} (e.g. Asia/Shanghai)",
                                     f"未知时区“{details.timezone}”（例如 Asia/Shanghai）") from None


class PropertyDetailsService:
    def __init__(self, db: Database, on_change: Callable[[int], None] = lambda _property_id: None):
        self.db = db
        # Told after a change is committed: the pricing engine caches the property's time zone.
        self._on_change = on_change

    def details(self, property_id: int) -> PropertyDetails:
        with self.db.session() as s:
            return _details(_row(s, property_id))

    @requires(Permission.SETTINGS)
    def update(self, actor: Actor, details: PropertyDetails) -> PropertyDetails:
        """Writes the editable fields of ``details`` (all or nothing) and records what changed."""
        validate(details)
        with self.db.session() as s:
            row = _row(s, details.id)
            before = {key: getattr(row, key) for key in EDITABLE}
            after = {key: getattr(details, key) for key in EDITABLE}
            if before == after:
                return _details(row)
            for key, value in after.items():
                setattr(row, key, value)
            changed = [key for key in EDITABLE if before[key] != after[key]]
            record(s, actor, "update", "property", row.id, before={k: before[k] for k in changed},
                   after={k: after[k] for k in changed})
            saved = _details(row)
        self._on_change(details.id)
        return saved


def _row(session, property_id: int) -> Property:
    row = session.get(Property, property_id)
    if row is None:
        raise NotFound(f"No property with id {property_id}")
    return row


def _details(row: Property) -> PropertyDetails:
    return PropertyDetails(id=row.id, code=row.code, currency=row.currency, name_zh=row.name_zh,
                           name_en=row.name_en or "", address=row.address or "", phone=row.phone or "",
                           timezone=row.timezone)


def as_json(details: PropertyDetails) -> dict:
    return asdict(details)
