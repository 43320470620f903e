"""A Python enum column (Enum(Status)), a server default among the RETURNING columns, a bulk update with an enum value, sum/avg, case(), exists(), distinct and a delete with or_/and_."""
import enum
from datetime import datetime
from sqlalchemy import create_engine, String, select, update, delete, func, Enum, case, and_, or_, exists
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class Status(enum.Enum):
    ACTIVE = "active"
    BANNED = "banned"

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    status: Mapped[Status] = mapped_column(Enum(Status), default=Status.ACTIVE)
    score: Mapped[int] = mapped_column(default=0)
    created: Mapped[datetime] = mapped_column(server_default=func.now())

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name=n, score=i * 10) for i, n in enumerate(["a", "b", "c"])])
    s.commit()
    s.execute(update(User).where(User.score > 5).values(status=Status.BANNED))
    s.commit()
    print(s.scalars(select(User.status).order_by(User.id)).all())
    print(s.scalar(select(func.sum(User.score))), s.scalar(select(func.avg(User.score))))
    label = case((User.score >= 20, "high"), else_="low")
    print(s.execute(select(User.name, label.label("level")).order_by(User.name)).all())
    print(s.scalar(select(exists().where(User.name == "b"))))
    print(s.scalars(select(User.status).distinct()).all())
    s.execute(delete(User).where(or_(User.name == "a", and_(User.score > 100, User.id > 0))))
    print(s.scalar(select(func.count()).select_from(User)))
    u = s.get(User, 2)
    print(u.status, type(u.created).__name__)
