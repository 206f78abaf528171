"""reservation ledger

The revision history of every booking (idempotent channel ingest by channel, remote id and
revision), the needs-attention list for bookings that could not be stored on their own, and the
channel's booking id shared by the rooms of a multi-room booking.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 16:21:09.899849
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('needs_attention',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('property_id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=True),
    sa.Column('remote_id', sa.String(length=64), nullable=True),
    sa.Column('revision', sa.String(length=64), nullable=True),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('raw', sa.JSON(), nullable=False),
    sa.Column('raw_text', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channel.id'], name=op.f('fk_needs_attention_channel_id_channel'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['property_id'], ['property.id'], name=op.f('fk_needs_attention_property_id_property'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_needs_attention'))
    )
    with op.batch_alter_table('needs_attention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_needs_attention_channel_id'), ['channel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_needs_attention_property_id'), ['property_id'], unique=False)

    op.create_table('reservation_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('property_id', sa.Integer(), nullable=False),
    sa.Column('reservation_id', sa.Integer(), nullable=True),
    sa.Column('channel_id', sa.Integer(), nullable=True),
    sa.Column('remote_id', sa.String(length=64), nullable=True),
    sa.Column('revision', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('change', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('actor', sa.String(length=50), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channel.id'], name=op.f('fk_reservation_revision_channel_id_channel'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['property_id'], ['property.id'], name=op.f('fk_reservation_revision_property_id_property'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reservation_id'], ['reservation.id'], name=op.f('fk_reservation_revision_reservation_id_reservation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reservation_revision')),
    sa.UniqueConstraint('channel_id', 'remote_id', 'revision', name=op.f('uq_reservation_revision_channel_id_remote_id_revision'))
    )
    with op.batch_alter_table('reservation_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reservation_revision_property_id'), ['property_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reservation_revision_reservation_id'), ['reservation_id'], unique=False)

    with op.batch_alter_table('reservation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('remote_booking_id', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_reservation_remote_booking_id'), ['remote_booking_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reservation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reservation_remote_booking_id'))
        batch_op.drop_column('remote_booking_id')

    with op.batch_alter_table('reservation_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reservation_revision_reservation_id'))
        batch_op.drop_index(batch_op.f('ix_reservation_revision_property_id'))

    op.drop_table('reservation_revision')
    with op.batch_alter_table('needs_attention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_needs_attention_property_id'))
        batch_op.drop_index(batch_op.f('ix_needs_attention_channel_id'))

    op.drop_table('needs_attention')
