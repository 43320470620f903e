"""Add posts table

Revision ID: c47a0e9b2d15
Revises: 8e2d41b6c0f3
Create Date: 2026-11-20 09:52:10.774390

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# Where this file sits in the revision graph: Alembic reads these four names.
revision: str = 'c47a0e9b2d15'
down_revision: Union[str, Sequence[str], None] = '8e2d41b6c0f3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Move the schema forward to this revision."""
    # ### commands written by autogenerate: review them before running ###
    op.create_table('posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    # ### end of autogenerate's commands ###


def downgrade() -> None:
    """Take the schema back to the revision before this one."""
    # ### commands written by autogenerate: review them before running ###
    op.drop_table('posts')
    # ### end of autogenerate's commands ###
