from typing import Optional, List
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, aliased


class Base(DeclarativeBase):
    pass


class Employee(Base):
    __tablename__ = "employees"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    manager_id: Mapped[Optional[int]] = mapped_column(ForeignKey("employees.id"))
    manager: Mapped[Optional["Employee"]] = relationship(remote_side=[id], back_populates="reports")
    reports: Mapped[List["Employee"]] = relationship(back_populates="manager")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    boss = Employee(name="boss")
    s.add_all([boss, Employee(name="a", manager=boss), Employee(name="b", manager=boss)])
    s.commit()
    m = aliased(Employee)
    print(s.execute(select(Employee.name, m.name).join(m, Employee.manager).order_by(Employee.name)).all())
    print(s.execute(select(Employee.name, m.name).join(m, Employee.reports).order_by(Employee.name, m.name)).all())
    print(s.execute(select(Employee.name, m.name).join(Employee.manager.of_type(m))).all())
    print(s.execute(select(Employee.name, m.name).join(m, Employee.manager_id == m.id)).all())
