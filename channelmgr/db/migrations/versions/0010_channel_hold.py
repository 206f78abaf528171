"""channel hold: "not before T" per channel, from its 429 Retry-After, kept across restarts

A channel that answered 429 with Retry-After was only left alone by the lane's own follow-up
pass (in memory); the scheduler and Push now still sent to it, and a restart forgot the wait.

Revision ID: 0010_channel_hold
Revises: 0009_reservation_room_index
Create Date: 2026-12-07 12:30:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0010_channel_hold'
down_revision: Union[str, Sequence[str], None] = '0009_reservation_room_index'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('channel_hold',
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('not_before', sa.DateTime(), nullable=False),
    sa.Column('asked_seconds', sa.Integer(), nullable=False),
    sa.Column('set_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channel.id'], name=op.f('fk_channel_hold_channel_id_channel'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('channel_id', name=op.f('pk_channel_hold'))
    )


def downgrade() -> None:
    op.drop_table('channel_hold')
