"""room type photo captions

Captions of room-type photos as {reference: caption}; the photo list itself is a catalog
attribute inside room_type.attributes. Existing rows get an empty dict.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-24 16:16:30.686945
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('room_type', schema=None) as batch_op:
        batch_op.add_column(sa.Column('photo_captions', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('room_type', schema=None) as batch_op:
        batch_op.drop_column('photo_captions')
