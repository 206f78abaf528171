"""user accounts: lock-out and password dates

Sign-in (channelmgr.security.users) counts failed attempts and locks an account for a while;
the dates say when the password was last changed and when the person last signed in. The old
role names of the unused first draft (owner, manager, front_desk) become the three roles.

Revision ID: 0006_users
Revises: 0005
Create Date: 2026-12-06 03:54:02.383255
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006_users'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_attempts', sa.Integer(), server_default=sa.text('0'), nullable=False))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('password_changed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('last_login_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE app_user SET role = 'administrator' WHERE role = 'owner'")
    op.execute("UPDATE app_user SET role = 'operator' WHERE role IN ('manager', 'front_desk')")


def downgrade() -> None:
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_column('last_login_at')
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_attempts')
