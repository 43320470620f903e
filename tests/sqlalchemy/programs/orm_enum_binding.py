import enum
from typing import Optional
from sqlalchemy import create_engine, String, select, Enum, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Status(str, enum.Enum):
    ACTIVE = "active"
    BANNED = "banned"


class Role(enum.IntEnum):
    USER = 1
    ADMIN = 2


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    status: Mapped[Status] = mapped_column(default=Status.ACTIVE)
    note: Mapped[Optional[str]]
    role: Mapped[Role] = mapped_column(default=Role.USER)
    kind: Mapped[Status] = mapped_column(Enum(Status, values_callable=lambda e: [m.value for m in e]), default=Status.BANNED)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ann", note=Status.BANNED, role=Role.ADMIN), User(name="bob", status=Status.BANNED, kind=Status.ACTIVE)])
    session.commit()
    print(session.execute(text("SELECT name, status, note, role, kind FROM users ORDER BY id")).all())
    for u in session.scalars(select(User).order_by(User.id)):
        print(u.name, repr(u.status), repr(u.note), repr(u.role), repr(u.kind))
    print(session.scalars(select(User.name).where(User.note == Status.BANNED)).all())
    print(session.scalars(select(User.name).where(User.role == Role.ADMIN)).all())
    print(session.scalars(select(User.name).where(User.kind.in_([Status.ACTIVE]))).all())
    print([u.name for u in session.scalars(select(User).filter_by(kind=Status.BANNED))])
    bob = session.get(User, 2)
    bob.kind = Status.BANNED
    bob.role = Role.ADMIN
    session.commit()
    print(session.execute(text("SELECT name, role, kind FROM users ORDER BY id")).all())
    print(session.execute(select(User.kind, User.role).order_by(User.id)).all())
    session.execute(text("UPDATE users SET kind = 'nope' WHERE id = 1"))
    try:
        session.execute(select(User.kind)).all()
    except LookupError as exc:
        print("LookupError:", exc)
