"""Session events: before_commit, before_flush (what it sets is flushed), after_begin, after_flush,
after_flush_postexec, after_commit, after_rollback; on Session (every session), on a sessionmaker
(its sessions), on one session."""
from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, sessionmaker

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    slug: Mapped[str | None]

@event.listens_for(Session, "before_flush")
def before_flush(session, flush_context, instances):
    print("before_flush", type(session).__name__, type(flush_context).__name__, instances, [u.name for u in session.new], len(session.dirty))
    for obj in session.new:
        obj.slug = obj.name.lower()

@event.listens_for(Session, "after_flush")
def after_flush(session, flush_context):
    print("after_flush", len(session.new))

@event.listens_for(Session, "after_flush_postexec")
def postexec(session, flush_context):
    print("after_flush_postexec")

@event.listens_for(Session, "before_commit")
def before_commit(session):
    print("before_commit")

@event.listens_for(Session, "after_commit")
def after_commit(session):
    print("after_commit")

@event.listens_for(Session, "after_rollback")
def after_rollback(session):
    print("after_rollback")

@event.listens_for(Session, "after_begin")
def after_begin(session, transaction, connection):
    print("after_begin", type(transaction).__name__, type(connection).__name__)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
maker = sessionmaker(engine)
@event.listens_for(maker, "after_commit")
def maker_commit(session):
    print("maker after_commit")
with maker() as s:
    s.add(User(name="Ann"))
    s.commit()
    u = s.get(User, 1)
    u.name = "Bo"
    s.flush()
    s.rollback()
    print(s.scalars(select(User.slug)).all())
with Session(engine) as s2:
    event.listen(s2, "before_commit", lambda session: print("instance before_commit"))
    s2.commit()
