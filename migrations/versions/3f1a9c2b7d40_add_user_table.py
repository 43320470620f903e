"""Add User table

Revision ID: 3f1a9c2b7d40
Revises: 
Create Date: 2026-11-20 09:14:03.118042

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# Where this file sits in the revision graph: Alembic reads these four names.
revision: str = '3f1a9c2b7d40'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Move the schema forward to this revision."""
    # ### commands written by autogenerate: review them before running ###
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    # ### end of autogenerate's commands ###


def downgrade() -> None:
    """Take the schema back to the revision before this one."""
    # ### commands written by autogenerate: review them before running ###
    op.drop_table('users')
    # ### end of autogenerate's commands ###
