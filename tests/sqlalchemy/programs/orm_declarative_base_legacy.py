# The 1.x way of making the base: Base = declarative_base(), with Column attributes; the
# models map and create their tables as with DeclarativeBase.
from sqlalchemy import Column, Integer, MetaData, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String(100), nullable=False)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Note(text="remember the milk"))
    session.commit()
    print(session.scalars(select(Note.text)).all())
print(list(Base.metadata.tables), Note.__table__.c.keys())

shared = MetaData()
Other = declarative_base(metadata=shared)


class Tag(Other):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)


print(Other.metadata is shared, list(shared.tables))
