"""MappedAsDataclass with Numeric, Enum, Date, Boolean, JSON defaults; @validates; a hybrid property in a WHERE; sessionmaker with session.begin(); a bulk UPDATE the session synchronizes."""
import enum
from datetime import date, datetime
from decimal import Decimal
from sqlalchemy import create_engine, select, func, String, Numeric, Enum, Date, DateTime, Boolean, JSON, update, delete, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, sessionmaker, MappedAsDataclass, column_property, validates
from sqlalchemy.ext.hybrid import hybrid_property


class Status(enum.Enum):
    ACTIVE = "active"
    BANNED = "banned"


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    email: Mapped[str] = mapped_column(String(100))
    balance: Mapped[Decimal] = mapped_column(Numeric(10, 2), default=Decimal("0.00"))
    status: Mapped[Status] = mapped_column(Enum(Status), default=Status.ACTIVE)
    joined: Mapped[date] = mapped_column(Date, default=date(2024, 1, 1))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    prefs: Mapped[dict] = mapped_column(JSON, default_factory=dict)

    @validates("email")
    def check_email(self, key, value):
        if "@" not in value:
            raise ValueError(f"bad email: {value}")
        return value.lower()

    @hybrid_property
    def rich(self):
        return self.balance > 100


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
Maker = sessionmaker(bind=engine, expire_on_commit=False)
with Maker() as session, session.begin():
    session.add(Account(email="Ann@X.org", balance=Decimal("150.50"), prefs={"theme": "dark"}))
    session.add(Account(email="bob@x.org"))
    try:
        Account(email="nope")
    except ValueError as e:
        print("ValueError:", e)
with Maker() as session:
    accts = session.scalars(select(Account).order_by(Account.id)).all()
    for a in accts:
        print(a)
    print(session.scalars(select(Account.email).where(Account.rich)).all())
    session.execute(update(Account).where(Account.email == "bob@x.org").values(status=Status.BANNED, balance=Account.balance + 5))
    print(accts[1].status, accts[1].balance)
    session.commit()
    print(session.execute(text("SELECT email, status, balance, joined, is_admin, prefs FROM accounts")).all())
    print(session.get(Account, 2).status)
    session.execute(delete(Account).where(Account.status == Status.BANNED))
    print(session.scalar(select(func.count(Account.id))))
    print(accts[0].prefs["theme"], type(accts[0].balance).__name__)
