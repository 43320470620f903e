"""begin_nested() flushes what is pending first; its rollback expunges what it added and expires what
it updated; nested levels release innermost first; Connection.begin_nested() sends its SAVEPOINT at
once."""
from sqlalchemy import create_engine, select, String, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="pending"))
    print("begin_nested")
    sp = session.begin_nested()
    print(type(sp).__name__, sp.nested, sp.is_active)
    u = User(name="inner")
    session.add(u)
    session.flush()
    session.get(User, 1).name = "changed"
    session.flush()
    sp.rollback()
    print(u in session, sp.is_active, session.get(User, 1).name)
    with session.begin_nested() as sp2:
        session.add(User(name="x"))
        with session.begin_nested():
            session.add(User(name="y"))
    session.commit()
    print(session.scalars(select(User.name).order_by(User.id)).all())
with engine.connect() as conn:
    with conn.begin_nested() as t:
        conn.execute(text("INSERT INTO users (name) VALUES ('core')"))
        t.rollback()
    print(conn.execute(text("SELECT count(*) FROM users")).scalar())
