# Legacy Query with and_/or_/not_ and in_/like inside filter(), plus all() and first()
# on an empty result.
from sqlalchemy import Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    age: Mapped[int] = mapped_column(Integer)

    def __repr__(self):
        return f"<User(name={self.name})>"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([User(name="John Doe", age=40), User(name="Jane Doe", age=35),
                 User(name="Jack Doe", age=12), User(name="Jill Doe", age=9)])
session.commit()

from sqlalchemy import and_, not_, or_

print(session.query(User).filter(or_(User.age < 10, User.age > 38)).order_by(User.id).all())
print(session.query(User).filter(and_(User.age > 10, User.name.like("J%n%"))).all())
print(session.query(User).filter(not_(User.name.in_(["John Doe", "Jane Doe"]))).all())
print(session.query(User).filter(User.name.startswith("Ji")).all())
print(session.query(User).filter(User.age > 100).all())
print(session.query(User).filter(User.age > 100).first())
session.close()
