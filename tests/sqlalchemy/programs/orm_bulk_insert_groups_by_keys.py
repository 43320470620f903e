"""The ORM's bulk INSERT (bulk_insert_mappings and insert(User) with a list of dicts): rows naming the
same attributes go together, a column left out takes its default=, unknown keys are ignored."""
from sqlalchemy import create_engine, insert, select, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column("user_name", String(30))
    fullname: Mapped[str | None] = mapped_column(default="anon")


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
engine.echo = True
with Session(engine) as session:
    session.bulk_insert_mappings(User, [{"name": "a"}])
    session.bulk_insert_mappings(User, [{"name": "b"}, {"name": "b2", "fullname": "B"}, {"name": "b3"}])
    session.bulk_insert_mappings(User, [{"name": "c"}, {"name": "d"}])
    session.bulk_insert_mappings(User, [{"name": "e"}, {"name": "f"}])
    session.bulk_insert_mappings(Tag, [{"label": "a"}])
    session.bulk_insert_mappings(Tag, [{"label": "b"}])
    session.execute(insert(User), [{"name": "g"}])
    session.execute(insert(User), [{"name": "h"}, {"name": "i", "fullname": "I"}, {"name": "j"}, {"name": "k", "nope": 1}])
    session.execute(insert(Tag), [{"label": "c"}])
    print(session.execute(select(User.name, User.fullname).order_by(User.id)).all())
    result = session.execute(insert(User), [{"id": 50, "name": "x"}, {"name": "y"}])
    try:
        result.all()
    except Exception as e:
        print(type(e).__name__, e)
    print(session.scalars(select(User.id).where(User.id >= 50)).all())
