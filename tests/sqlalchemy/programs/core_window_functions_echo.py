# Window functions: func.rank(), row_number(), sum() with .over(partition_by=, order_by=, rows=),
# labelled or not, in a SELECT run on SQLite.
from sqlalchemy import Integer, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Emp(Base):
    __tablename__ = "emp"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    dept: Mapped[str] = mapped_column(String(20))
    salary: Mapped[int] = mapped_column(Integer)


print(func.rank().over(order_by=Emp.salary.desc()))
print(func.row_number().over(partition_by=Emp.dept, order_by=[Emp.salary, Emp.name]))
print(func.sum(Emp.salary).over(partition_by=Emp.dept, order_by=Emp.id, rows=(None, 0)))
print(func.avg(Emp.salary).over(order_by=Emp.id, rows=(-1, 1)))
print(func.count().over())
print(type(func.rank().over()).__name__)
engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Emp(name="a", dept="x", salary=10), Emp(name="b", dept="x", salary=20),
                     Emp(name="c", dept="y", salary=30), Emp(name="d", dept="y", salary=30)])
    session.commit()
    for row in session.execute(select(Emp.name, func.rank().over(order_by=Emp.salary.desc()))):
        print(row)
    stmt = select(Emp.name, Emp.dept,
                  func.row_number().over(partition_by=Emp.dept, order_by=Emp.salary.desc()).label("place"),
                  func.sum(Emp.salary).over(partition_by=Emp.dept, order_by=Emp.id, rows=(None, 0)).label("running"))
    for row in session.execute(stmt.order_by(Emp.id)):
        print(row.name, row.dept, row.place, row.running)
    print(session.execute(select(func.avg(Emp.salary).over(order_by=Emp.id, rows=(-1, 1)))).scalars().all())
