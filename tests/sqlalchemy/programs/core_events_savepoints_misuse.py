"""Mistakes with events, the driver's cursor, savepoints and the legacy Query's update/delete: each is the
error SQLAlchemy (or Python's sqlite3) raises."""
from sqlalchemy import create_engine, event, text, select, insert, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, sessionmaker, backref, relationship, Mapper
import sqlalchemy as sa

def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r)[:80])
    except BaseException as e:
        print(label, "!!", type(e).__name__, str(e)[:100])

e = create_engine("sqlite://")
attempt("listen no args", lambda: event.listen())
attempt("listen 2 args", lambda: event.listen(e, "connect"))
attempt("listen None target", lambda: event.listen(None, "connect", print))
attempt("listen int identifier", lambda: event.listen(e, 5, print))
attempt("listens_for no args", lambda: event.listens_for())
attempt("decorator no fn", lambda: event.listens_for(e, "connect")())
attempt("remove unknown", lambda: event.remove(e, "connect", print))
attempt("contains", lambda: event.contains(e, "connect", print))
attempt("listen non-callable", lambda: event.listen(e, "connect", 42))
attempt("connect with bad listener", lambda: e.connect())
e2 = create_engine("sqlite://")
@event.listens_for(e2, "connect")
def abuse(dbapi, rec):
    c = dbapi.cursor()
    for args in [(), (1,), ("SELECT ?",), ("SELECT ?", (1, 2)), ("SELECT ?", {"a": 1}), ("SELECT 1", None)]:
        try:
            print("exec", args, c.execute(*args).fetchall())
        except BaseException as ex:
            print("exec", args, "!!", type(ex).__name__, str(ex)[:80])
    print(c.fetchmany("x") if False else c.fetchmany(-1), c.fetchone(), list(c))
    try:
        c.executemany("INSERT INTO nope VALUES (?)", 5)
    except BaseException as ex:
        print("executemany !!", type(ex).__name__)
    c.close()
    try:
        c.execute("select 1")
    except BaseException as ex:
        print("closed !!", type(ex).__name__, ex)
    rec.info["x"] = rec
attempt("connect e2", lambda: e2.connect().close())

class Base(DeclarativeBase):
    pass
class A(Base):
    __tablename__ = "a"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str | None]


attempt("session event on None", lambda: event.listen(sessionmaker(), "after_commit", print))
Base.metadata.create_all(e)
s = Session(e)
attempt("begin_nested twice rollback", lambda: (s.begin_nested(), s.begin_nested().rollback(), s.rollback()))
sp = s.begin_nested()
attempt("sp commit", lambda: sp.commit())
attempt("sp commit again", lambda: sp.commit())
attempt("sp rollback after", lambda: sp.rollback())
attempt("query update bad", lambda: s.query(A).update(5))
attempt("query update no args", lambda: s.query(A).update())
attempt("query delete kw", lambda: s.query(A).delete(bogus=1))
attempt("refresh transient", lambda: s.refresh(A()))
a = A(name="q"); s.add(a); s.commit()
attempt("refresh bad attrs", lambda: s.refresh(a, ["nope"]))
attempt("refresh int attrs", lambda: s.refresh(a, 5))
attempt("refresh ok", lambda: s.refresh(a, ["name"]))
attempt("backref both", lambda: relationship("A", backref="x", back_populates="y"))
attempt("order_by bad str", lambda: relationship("A", order_by="(("))
attempt("insert returning many", lambda: s.execute(insert(A).returning(A.id), []).all())
attempt("mapper repr", lambda: repr(A.__mapper__))
attempt("conn begin_nested twice", lambda: (lambda c: (c.begin_nested(), c.begin_nested(), c.close()))(e.connect()))
print("done")
