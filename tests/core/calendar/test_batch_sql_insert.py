"""batch_sql.insert_columns writes exactly what SQLAlchemy's own INSERT writes.

It converts each distinct value once and hands the driver raw rows, so the conversions are its
own business: dates, times, enums, booleans, None in a plain column and in a JSON column (JSON
null, not SQL NULL, unless the column says none_as_null), and JSON documents. Compared as the
database stores them (read back by the driver), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import insert, select, text

from channelmgr.db.engine import open_database
from channelmgr.db.models import AuditEntry, Reservation, ReservationStatus
from channelmgr.inventory.batch_sql import insert_columns

from .builders import build_hotel


AT = datetime(2027, 3, 1, 8, 30, 15, 123456)


def _audit_rows(marker: str) -> list[dict]:
    return [
        {"at": AT, "actor": "desk", "cause": marker, "action": "create", "entity": "reservation",
         "entity_id": "1", "before": None, "after": {"arrival": "2027-03-02", "nights": [1, 2], "名": "王"}},
        {"at": AT, "actor": "desk", "cause": marker, "action": "modify", "entity": "reservation",
         "entity_id": "2", "before": {"status": "confirmed"}, "after": None},
    ]


def _bookings(hotel, marker: str) -> list[dict]:
    # Dates, an enum, booleans and None in plain columns, repeated as a batch repeats them.
    return [
        {"property_id": hotel.property_id, "channel_id": None, "source": "phone", "remote_id": f"{marker}-{n}",
         "remote_booking_id": None, "revision": "1", "room_type_id": hotel.types["A"], "rate_plan_id": None,
         "room_id": None, "arrival": date(2027, 3, 2 + n), "departure": date(2027, 3, 4), "adults": 2,
         "children": 0, "guest_name": "王小明" if n else "Emily", "guest_phone": "", "amount_minor": 38800 * n,
         "currency": "CNY", "commission_minor": 0,
         "status": ReservationStatus.CANCELLED if n else ReservationStatus.CONFIRMED, "overbooked": bool(n),
         "notes": marker, "created_at": AT, "updated_at": AT}
        for n in range(2)
    ]


def _stored(db, table, marker_column: str, marker: str, *, leave_out: tuple[str, ...] = ()) -> list[tuple]:
    # The ids differ (one set written after the other), and so do the marker columns; nothing else may.
    names = [c.name for c in table.columns if c.name not in ("id", marker_column, *leave_out)]
    with db.engine.connect() as conn:
        return [tuple(row) for row in conn.exec_driver_sql(
            f"SELECT {', '.join(names)} FROM {table.name} WHERE {marker_column} = '{marker}' ORDER BY id")]


def _check(url: str) -> None:
    db = open_database(url)
    try:
        with db.session() as s:
            s.connection().execute(insert(AuditEntry.__table__), _audit_rows("sqlalchemy"))
            rows = _audit_rows("columns")
            insert_columns(s.connection(), AuditEntry.__table__, {k: [r[k] for r in rows] for k in rows[0]})
        by_columns = _stored(db, AuditEntry.__table__, "cause", "columns")
        assert len(by_columns) == 2
        assert by_columns == _stored(db, AuditEntry.__table__, "cause", "sqlalchemy")
        with db.session() as s:
            before = s.scalars(select(AuditEntry.before).where(AuditEntry.cause == "columns").order_by(AuditEntry.id)).all()
            after = s.scalars(select(AuditEntry.after).where(AuditEntry.cause == "columns").order_by(AuditEntry.id)).all()
            # JSON null: "no document", the way SQLAlchemy stores None in a JSON column.
            nulls = s.execute(text("SELECT COUNT(*) FROM audit_entry WHERE cause = 'columns' AND before IS NULL")).scalar()
        assert before == [None, {"status": "confirmed"}]
        assert after == [{"arrival": "2027-03-02", "nights": [1, 2], "名": "王"}, None]
        assert nulls == 0

        hotel = build_hotel(db)
        with db.session() as s:
            s.connection().execute(insert(Reservation.__table__), _bookings(hotel, "sqlalchemy"))
            rows = _bookings(hotel, "columns")
            insert_columns(s.connection(), Reservation.__table__, {k: [r[k] for r in rows] for k in rows[0]})
        table = Reservation.__table__
        by_columns = _stored(db, table, "notes", "columns", leave_out=("remote_id",))
        assert len(by_columns) == 2
        assert by_columns == _stored(db, table, "notes", "sqlalchemy", leave_out=("remote_id",))
        with db.session() as s:
            back = s.scalars(select(Reservation).where(Reservation.notes == "columns").order_by(Reservation.id)).all()
        assert [(r.arrival, r.status, r.overbooked, r.guest_name) for r in back] == [
            (date(2027, 3, 2), ReservationStatus.CONFIRMED, False, "Emily"),
            (date(2027, 3, 3), ReservationStatus.CANCELLED, True, "王小明"),
        ]
    finally:
        db.dispose()


def test_insert_columns_stores_what_sqlalchemy_stores_sqlite(sqlite_url):
    _check(sqlite_url)


def test_insert_columns_stores_what_sqlalchemy_stores_postgres(postgres_url):
    _check(postgres_url)
