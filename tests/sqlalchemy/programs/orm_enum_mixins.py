import enum
from sqlalchemy import create_engine, String, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Status(str, enum.Enum):
    ACTIVE = "active"
    BANNED = "banned"


class Role(enum.IntEnum):
    USER = 1
    ADMIN = 2


class Plan(enum.StrEnum):
    FREE = enum.auto()
    PRO = enum.auto()


class Handle(str):
    """A user name, kept lowercase."""

    def __new__(cls, value):
        return super().__new__(cls, value.strip().lower())


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    handle: Mapped[str] = mapped_column(String(30), unique=True)
    status: Mapped[Status] = mapped_column(default=Status.ACTIVE)
    level: Mapped[int] = mapped_column(default=Role.USER)
    plan: Mapped[str] = mapped_column(default=Plan.FREE)

    def __repr__(self):
        return f"User({self.handle!r}, {self.status}, {self.level!r}, {self.plan!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(handle=Handle("  Ann "), level=Role.ADMIN, plan=Plan.PRO), User(handle=Handle("BOB"), status=Status.BANNED)])
    session.commit()
    print(session.scalars(select(User).order_by(User.id)).all())
    print(session.scalars(select(User.handle).where(User.status == Status.ACTIVE)).all())
    print(session.scalars(select(User.handle).where(User.level >= Role.ADMIN)).all())
    print(session.scalars(select(User.handle).where(User.plan == Plan.FREE)).all())
    print(session.scalars(select(User.handle).where(User.handle == Handle("ANN"))).all())
    print(session.execute(text("SELECT handle, status, level, plan FROM users ORDER BY id")).all())
    ann = session.get(User, 1)
    print(ann.status is Status.ACTIVE, ann.status == "active", ann.status.value, isinstance(ann.status, str))
    print(type(ann.handle).__name__, type(ann.level).__name__, ann.level == Role.ADMIN, Role(ann.level))
    ann.status = Status.BANNED
    session.commit()
    print(session.scalars(select(User.status).order_by(User.id)).all())
    counts = {}
    for status in session.scalars(select(User.status)):
        counts[status] = counts.get(status, 0) + 1
    print(counts, counts["banned"])
