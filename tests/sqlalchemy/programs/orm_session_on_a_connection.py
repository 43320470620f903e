"""A Session on a given Connection (as a migration's data step makes one), and the legacy bulk
methods: rows written straight, no identity map."""
import enum

from sqlalchemy import Enum, String, create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class State(enum.Enum):
    RUNNING = 1
    COMPLETE = 2


class Base(DeclarativeBase):
    pass


class Trial(Base):
    __tablename__ = "trials"
    trial_id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int | None]
    name: Mapped[str] = mapped_column(String(10))
    state = mapped_column(Enum(State), nullable=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
print(Trial.__table__.c.state.type, Trial.__table__.c.state.type.enums)

with engine.connect() as conn:
    session = Session(bind=conn)
    session.add_all([Trial(trial_id=1, name="a"), Trial(trial_id=2, name="b")])
    session.commit()
    session.bulk_update_mappings(Trial, [{"trial_id": 1, "number": 10}, {"trial_id": 2, "number": 20}])
    session.bulk_insert_mappings(Trial, [{"trial_id": 3, "name": "c"}, {"trial_id": 4, "name": "d", "number": 4}])
    session.bulk_save_objects([Trial(trial_id=5, name="e"), Trial(trial_id=6, name="f")])
    session.commit()
    print(session.execute(select(Trial.trial_id, Trial.number, Trial.name)).all())
    session.close()
    print(conn.in_transaction(), conn.closed)

with engine.connect() as conn:
    outer = conn.begin()
    session = Session(bind=conn)
    session.add(Trial(trial_id=7, name="g"))
    session.commit()
    print(conn.in_transaction())
    outer.rollback()
    print(conn.execute(text("SELECT count(*) FROM trials")).scalar())
