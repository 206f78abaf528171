"""an index on reservation.room_id: room assignment reads a room's stays by room

RoomPlan.load (reservations/room_plan.py) asks for the stays holding given rooms. With no index
on room_id the database went through every booking of the property: an iCal feed for one room
type of fifty read all ten thousand bookings to find its own two hundred.

Revision ID: 0009_reservation_room_index
Revises: 0008_sync_log_notes
Create Date: 2026-12-07 12:15:00.000000
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0009_reservation_room_index'
down_revision: Union[str, Sequence[str], None] = '0008_sync_log_notes'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('reservation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reservation_room_id'), ['room_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reservation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reservation_room_id'))
