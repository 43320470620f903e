"""Mapper events from the flush: before_insert / before_update set columns that go into the
statements (a slug, a version counter), after_* run after them, before_delete sees each object
going; on a class, on a base with propagate=True, on Mapper (every class), named=True."""
from sqlalchemy import ForeignKey, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    slug: Mapped[str | None]
    version: Mapped[int] = mapped_column(default=0)
    notes: Mapped[list["Note"]] = relationship()

    def __repr__(self):
        return f"User({self.name!r}, v{self.version})"


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


event.listen(Base, "before_insert", lambda m, c, t: print("never: Base is not mapped"))


@event.listens_for(User, "before_insert")
def slugify(mapper, connection, target):
    print("before_insert", mapper, type(connection).__name__, target.name, target.id)
    target.slug = target.name.lower()


@event.listens_for(User, "after_insert")
def inserted(mapper, connection, target):
    print("after_insert", target.id)


@event.listens_for(User, "before_update", named=True)
def bump(**kw):
    print("before_update", sorted(kw), kw["target"].name)
    kw["target"].version += 1


@event.listens_for(Base, "after_update", propagate=True)
def updated(mapper, connection, target):
    print("after_update", type(target).__name__)


@event.listens_for(Mapper, "before_delete")
def gone(mapper, connection, target):
    print("before_delete", mapper.class_.__name__, target.id)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="Ann"), User(name="Bob"), Note(text="n")])
    s.commit()
    u = s.get(User, 1)
    u.name = "Anna"
    s.commit()
    print(u.version, u.slug)
    u.name = "Anna"
    s.flush()
    print("same name, still bumped:", u.version)
    u.notes.append(s.get(Note, 1))
    s.commit()
    print(s.scalars(select(User).order_by(User.id)).all())
    print(event.contains(User, "before_update", bump), event.contains(Base, "before_update", bump))
    event.remove(User, "before_update", bump)
    u.name = "A."
    s.commit()
    s.delete(u)
    s.commit()
try:
    event.listen(User, "bogus", bump)
except Exception as e:
    print(type(e).__name__, e)
