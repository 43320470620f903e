# The CRUD workload of `make bench` as an ORM program: N users added and committed one by one,
# N more added with add_all and one commit, each read back with session.get, renamed (a commit
# each) and deleted (a commit each). The same file runs in the lab and under CPython with
# SQLAlchemy 2.1; it prints one line per phase: its name and milliseconds.
import sys
import time

from sqlalchemy import String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String)


N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
timings = []


def phase(label, body):
    start = time.perf_counter()
    body()
    timings.append((label, (time.perf_counter() - start) * 1000))


def add_commit():
    with Session(engine) as session:
        for i in range(N):
            session.add(User(name=f"User {i}"))
            session.commit()


def add_all():
    with Session(engine) as session:
        session.add_all([User(name=f"Bulk {i}") for i in range(N)])
        session.commit()


def get():
    with Session(engine) as session:
        for i in range(1, N + 1):
            session.get(User, i)


def update():
    with Session(engine) as session:
        for i in range(1, N + 1):
            session.get(User, i).name = f"Renamed {i}"
            session.commit()


def delete():
    with Session(engine) as session:
        for i in range(1, N + 1):
            session.delete(session.get(User, i))
            session.commit()


phase("add + commit", add_commit)
phase("add_all + commit", add_all)
phase("session.get", get)
phase("update + commit", update)
phase("delete + commit", delete)
with Session(engine) as session:
    left = session.query(User).count()
assert left == N, left
for label, ms in timings:
    print(f"{label}\t{ms:.1f}")
