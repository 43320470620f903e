# session.new, session.dirty and session.deleted as objects move through add(),
# attribute changes, delete() and flush().
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)

    def __repr__(self):
        return f"<User {self.id} {self.name}>"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="olga"), User(name="pete")])
    print("new:", len(session.new), "dirty:", len(session.dirty), "deleted:", len(session.deleted))
    session.commit()
    olga = session.get(User, 1)
    pete = session.get(User, 2)
    olga.name = "olga2"
    session.delete(pete)
    print("new:", len(session.new), "dirty:", len(session.dirty), "deleted:", len(session.deleted))
    print("olga dirty:", olga in session.dirty, "pete deleted:", pete in session.deleted)
    print("modified:", session.is_modified(olga))
    session.flush()
    print("new:", len(session.new), "dirty:", len(session.dirty), "deleted:", len(session.deleted))
    print("pete still in session:", pete in session)
    session.commit()
