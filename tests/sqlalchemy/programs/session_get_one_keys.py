# Session.get_one() and what result.keys() is: an RMKeyView that iterates, measures, answers in
# and equals a list of the same names, but is not subscriptable.
from sqlalchemy import create_engine, String, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session
class Base(DeclarativeBase):
    pass
class U(Base):
    __tablename__ = "u"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), default="x")
e = create_engine("sqlite://")
Base.metadata.create_all(e)
s = Session(e)
s.add(U())
s.commit()
print(s.get_one(U, 1).name)
try:
    s.get_one(U, 5)
except Exception as ex:
    print(type(ex).__module__, type(ex).__name__, ex)
r = s.execute(select(U.id, U.name))
k = r.keys()
print(k, list(k), len(k), "id" in k, "zz" in k, k == ["id", "name"], k != ("id", "name"), type(k).__name__)
try:
    print(k[0])
except Exception as ex:
    print(type(ex).__name__, ex)
m = s.execute(select(U.id)).mappings()
print(m.keys(), m.first().keys())
with e.connect() as c:
    print(c.execute(text("select 1 as a, 2 as b")).keys())
