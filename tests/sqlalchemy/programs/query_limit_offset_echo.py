# Legacy Query: limit() and offset() for paging, with echo=True showing LIMIT ? OFFSET ?
# and the parameters bound for them.
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

engine.echo = True
page_size = 2
for page in range(3):
    users = session.query(User).order_by(User.id).limit(page_size).offset(page * page_size).all()
    print("page", page, users)
print(session.query(User).order_by(User.id).offset(3).all())
session.close()
