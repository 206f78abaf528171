"""The editor widget for each kind of catalog attribute."""

from __future__ import annotations

from typing import Callable

from channelmgr.catalog import Attribute, Kind

from .fields import (
    AttributeField,
    BoolField,
    ChoiceField,
    DecimalField,
    FieldEnv,
    IntegerField,
    MoneyField,
    MultiChoiceField,
    MultilineTextField,
    TextField,
    TimeField,
)
from .photo_field import PhotoListField


def _text_field(attribute: Attribute, env: FieldEnv) -> AttributeField:
    return (MultilineTextField if attribute.multiline else TextField)(attribute, env)


FIELD_FOR_KIND: dict[Kind, Callable[[Attribute, FieldEnv], AttributeField]] = {
    Kind.TEXT: _text_field,
    Kind.INTEGER: IntegerField,
    Kind.DECIMAL: DecimalField,
    Kind.MONEY: MoneyField,
    Kind.BOOL: BoolField,
    Kind.CHOICE: ChoiceField,
    Kind.MULTI_CHOICE: MultiChoiceField,
    Kind.TIME: TimeField,
    Kind.PHOTOS: PhotoListField,
}


def build_field(attribute: Attribute, env: FieldEnv) -> AttributeField:
    return FIELD_FOR_KIND[attribute.kind](attribute, env)
