"""accounts

Revision ID: a1
Revises: 
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = 'a1'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    accounts = op.create_table(
        'accounts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=50), nullable=False),
        sa.Column('kind', sa.String(length=20), server_default=sa.text("'standard'"), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.bulk_insert(accounts, [{'id': i, 'name': f'account {i}'} for i in range(1, 6)])


def downgrade():
    op.drop_table('accounts')
