# The ORM version of a NOT NULL violation: a required Mapped[str] left unset fails at
# commit with IntegrityError; after rollback() the session works again.
from sqlalchemy import create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str]

    def __repr__(self):
        return f"Account({self.id!r}, {self.owner!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Account())
    try:
        session.commit()
    except IntegrityError as e:
        print(type(e).__name__)
        print(e.orig)
        print(e.params)
        session.rollback()
    session.add(Account(owner="fixed"))
    session.commit()
    print(session.scalars(select(Account)).all())
