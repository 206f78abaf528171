import pytest
from sqlalchemy import func, select

from channelmgr.actor import Actor
from channelmgr.db.models import AuditEntry
from channelmgr.roomtypes.png import banded_png


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def actor():
    return Actor("tester", "pytest")


@pytest.fixture
def pid(services):
    return services.inventory.property_id(None)


@pytest.fixture
def room_type(services, pid):
    """The complete demo room type (洱海景观大床房)."""
    return lambda code="LKV": services.room_types.find(pid, code)


@pytest.fixture
def audit_count(services):
    def count() -> int:
        with services.db.session() as s:
            return s.scalar(select(func.count()).select_from(AuditEntry))
    return count


@pytest.fixture
def png_file(tmp_path):
    """Write a real little PNG (a different picture per name) and return its path."""
    def write(name: str, shade: int = 100):
        path = tmp_path / "incoming" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(banded_png(40, 30, [(1, (shade, 120, 200), (20, shade, 60))]))
        return path
    return write
