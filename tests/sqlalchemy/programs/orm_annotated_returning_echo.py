"""SQLAlchemy 2.0's Annotated column types (`intpk = Annotated[int, mapped_column(primary_key=True)]`),
a base's type_annotation_map, and Core's insert().returning() with several rows ("insertmanyvalues",
in batches) and update().returning()."""
import datetime
from typing import Annotated, Optional

from sqlalchemy import String, UniqueConstraint, create_engine, func, insert, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

intpk = Annotated[int, mapped_column(primary_key=True)]
timestamp = Annotated[datetime.datetime, mapped_column(nullable=False, server_default=func.CURRENT_TIMESTAMP())]
required_name = Annotated[str, mapped_column(String(30), nullable=False)]


class Base(DeclarativeBase):
    type_annotation_map = {str: String().with_variant(String(255), "mysql"), float: String(20)}


class User(Base):
    __tablename__ = "user_account"
    __table_args__ = (UniqueConstraint("name"),)
    id: Mapped[intpk]
    name: Mapped[required_name]
    created: Mapped[timestamp]
    nickname: Mapped[Optional[str]]
    score: Mapped[float] = mapped_column(default=0.5)
    code: Mapped[required_name] = mapped_column(String(5), nullable=True)


print(repr(intpk.__metadata__[0])[:40], intpk.__origin__)
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
SessionLocal = sessionmaker(engine, expire_on_commit=False)
with SessionLocal.begin() as session:
    session.add(User(name="ann"))
with SessionLocal() as session:
    r = session.execute(insert(User).returning(User.id, User.name), [{"name": "bo"}, {"name": "cy"}])
    print(r.all())
    r = session.execute(update(User).where(User.name == "bo").values(nickname="B").returning(User.id, User.nickname))
    print(r.all())
    print(session.execute(select(User.name, User.nickname).order_by(User.id)).mappings().all())
    r = session.execute(insert(User).returning(User.id), [{"name": f"u{n}"} for n in range(1500)])
    ids = r.scalars().all()
    print(len(ids), ids[0], ids[-1])
    session.commit()
