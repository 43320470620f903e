"""Dataclass options on a class that is not a MappedAsDataclass, and a plain class-level value."""
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class A(Base):
    __tablename__ = "a"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = "foo"

    def __repr__(self):
        return f"A(id={self.id!r}, name={self.name!r})"


print(A(), sorted(A.__table__.c.keys()))
print(A.name, A().name)

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    a = A()
    session.add(a)
    session.commit()
    print(a, session.get(A, 1).name)

try:
    class C(Base):
        __tablename__ = "c"

        id: Mapped[int] = mapped_column(primary_key=True, init=False)
except Exception as exc:
    print(type(exc).__name__, exc)

try:
    class D(Base):
        __tablename__ = "d"

        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(repr=False, default_factory=str)
except Exception as exc:
    print(type(exc).__name__, exc)
