# Session.merge: the session's own copy of an object, found by its primary key.
from sqlalchemy import create_engine, select, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))

    def __repr__(self):
        return f"Author(id={self.id!r}, name={self.name!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Author(name="Le Guin"), Author(name="Herbert")])
    session.commit()

# A detached copy comes back: merge loads the row, then sets what the copy has.
outside = Author(id=1, name="Ursula K. Le Guin")
with Session(engine) as session:
    merged = session.merge(outside)
    print(merged, merged is outside, merged in session, outside in session)
    print(session.dirty)
    session.commit()
    # Already in the identity map: no SELECT; the same values: no UPDATE.
    again = session.merge(Author(id=2, name="Herbert"))
    print(again, session.dirty)
    session.commit()
    # A primary key the table does not have: a SELECT, then an INSERT.
    new = session.merge(Author(id=7, name="Butler"))
    print(new, session.new)
    # No primary key at all: a new pending object.
    other = session.merge(Author(name="Jemisin"))
    print(other, other in session.new)
    session.commit()
    print(session.scalars(select(Author).order_by(Author.id)).all())
    # Merging what the session already has gives it back.
    print(session.merge(merged) is merged)
