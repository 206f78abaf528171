"""sync log notes as codes: a capability note row keeps its codes and counts, not only English text

The sync log's "note" rows (what a channel's capabilities skip or translate) stored one English
line, so a Chinese desk showed English. The codes let every reader word them in its language.
Rows written before this revision keep their text and a NULL here: they are shown as they are.

Revision ID: 0008_sync_log_notes
Revises: 0007_content_ack
Create Date: 2026-12-07 10:00:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0008_sync_log_notes'
down_revision: Union[str, Sequence[str], None] = '0007_content_ack'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('sync_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notes', sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_log', schema=None) as batch_op:
        batch_op.drop_column('notes')
