"""mixed rows

Revision ID: c3
Revises: b2
Create Date: 2024-01-03 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = 'c3'
down_revision = 'b2'
branch_labels = None
depends_on = None


def upgrade():
    t = sa.table('accounts', sa.column('id', sa.Integer), sa.column('name', sa.String), sa.column('status', sa.String))
    op.bulk_insert(t, [{'name': 'x', 'id': 10}, {'id': 11, 'name': 'y', 'status': 'z'}])
    print(op.get_bind().execute(sa.text('select id, name, status from accounts where id >= 10')).fetchall())
    op.bulk_insert(t, [{'id': 12, 'status': 'q', 'name': 'w'}, {'id': 13}])


def downgrade():
    pass
