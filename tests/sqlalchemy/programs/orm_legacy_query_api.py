"""The legacy API older tutorials use: declarative_base(), Column attributes, a backref, sessionmaker(
bind=engine), and Query: get() (with its LegacyAPIWarning), filter/or_, scalar(), count(),
filter_by().first(), bulk update() / delete(), one_or_none()."""
from sqlalchemy import Column, Integer, String, ForeignKey, create_engine, func, or_
from sqlalchemy.orm import declarative_base, relationship, sessionmaker, joinedload

Base = declarative_base()

class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    age = Column(Integer)
    posts = relationship("Post", backref="author")

class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    title = Column(String)
    user_id = Column(Integer, ForeignKey("users.id"))

engine = create_engine("sqlite:///:memory:")
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
u = User(name="ann", age=30)
session.add(u)
session.add_all([User(name="bob", age=25), User(name="cy", age=35)])
session.commit()
print(session.query(User).get(1).name)
print(session.query(User).filter(or_(User.age < 28, User.age > 32)).order_by(User.age).all())
print(session.query(func.avg(User.age)).scalar())
print(session.query(User.name, User.age).filter(User.age >= 30).all())
print(session.query(User).filter(User.name.in_(["ann", "cy"])).count())
print(session.query(User).order_by(User.age.desc()).limit(2).all()[0].name)
print(session.query(User).filter_by(name="bob").first().age)
session.query(User).filter(User.name == "bob").update({"age": 26})
session.query(User).filter(User.name == "cy").delete()
session.commit()
print([(x.name, x.age) for x in session.query(User).all()])
print(session.query(User).filter(User.id == 99).one_or_none())
session.close()
