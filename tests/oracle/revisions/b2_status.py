"""status from the ORM

Revision ID: b2
Revises: a1
Create Date: 2024-01-02 00:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import declarative_base, Session

revision = 'b2'
down_revision = 'a1'
branch_labels = None
depends_on = None

Base = declarative_base()


class Account(Base):
    __tablename__ = 'accounts'
    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.String(50))
    status = sa.Column(sa.String(20))


def upgrade():
    op.add_column('accounts', sa.Column('status', sa.String(20), nullable=True))
    bind = op.get_bind()
    session = Session(bind=bind)
    for account in session.query(Account).order_by(Account.id):
        account.status = 'active' if account.id % 2 else 'inactive'
    session.commit()
    print(session.query(Account).filter_by(status='active').count(), "active")
    rows = bind.execute(sa.text("SELECT name, status FROM accounts ORDER BY id")).fetchall()
    print(rows)


def downgrade():
    with op.batch_alter_table('accounts') as batch_op:
        batch_op.drop_column('status')
