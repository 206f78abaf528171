import pytest

from .builders import build_hotel


@pytest.fixture
def hotel(db):
    return build_hotel(db)
