"""content acknowledgements: the listing content each channel last confirmed, per part

The content push (channelmgr/sync/content_push.py) keeps one fingerprint per channel and room
type (and one for the property), so a pass resends only the content that changed.

Revision ID: 0007_content_ack
Revises: 0006_users
Create Date: 2026-12-07 01:30:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007_content_ack'
down_revision: Union[str, Sequence[str], None] = '0006_users'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('content_ack',
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('part', sa.String(length=40), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('acked_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channel.id'], name=op.f('fk_content_ack_channel_id_channel'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('channel_id', 'part', name=op.f('pk_content_ack'))
    )


def downgrade() -> None:
    op.drop_table('content_ack')
