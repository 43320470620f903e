# session.dirty holds every object assigned to, even when nothing changed; is_modified() tells.
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]

    def __repr__(self):
        return f"Note({self.text!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    note = Note(text="x")
    session.add(note)
    session.commit()
    print(note.text, session.dirty)
    note.text = "x"
    print(session.dirty, session.is_modified(note))
    session.flush()
    print(session.dirty)
    note.text = "y"
    note.text = "x"
    print(session.dirty, session.is_modified(note))
    session.commit()
