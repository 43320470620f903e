# str() of statements and ORM expressions: the SQL text SQLAlchemy compiles, with its
# bind parameter names (:id_1, :name_1); literal_binds shows the values inlined.
from sqlalchemy import String, delete, insert, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


print(str(User.id == 5))
print(User.name != "bob")
print(User.id == None)
print(select(User))
print(select(User.name).where(User.id > 3).order_by(User.name.desc()).limit(10))
print(insert(User).values(name="x"))
print(update(User).where(User.id == 2).values(name="y"))
print(delete(User).where(User.name.like("%z")))
stmt = select(User).where(User.id == 5)
print(stmt.compile(compile_kwargs={"literal_binds": True}))
print(stmt.compile().params)
print(type(User.id == 5).__name__)
