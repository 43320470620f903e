"""Add email to users

Revision ID: 8e2d41b6c0f3
Revises: 3f1a9c2b7d40
Create Date: 2026-11-20 09:31:47.502113

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# Where this file sits in the revision graph: Alembic reads these four names.
revision: str = '8e2d41b6c0f3'
down_revision: Union[str, Sequence[str], None] = '3f1a9c2b7d40'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Move the schema forward to this revision."""
    # ### commands written by autogenerate: review them before running ###
    op.add_column('users', sa.Column('email', sa.String(length=120), nullable=True))
    # ### end of autogenerate's commands ###


def downgrade() -> None:
    """Take the schema back to the revision before this one."""
    # ### commands written by autogenerate: review them before running ###
    op.drop_column('users', 'email')
    # ### end of autogenerate's commands ###
