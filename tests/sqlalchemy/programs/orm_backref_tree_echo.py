"""backref on a tree (an adjacency list: children, and a parent through remote_side) and on a
one-to-one (uselist=False), with classic Column attributes and no annotations."""
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Session, backref, relationship


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "nodes"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("nodes.id"))
    name = Column(String(20))
    children = relationship("Node", backref=backref("parent", remote_side=[id]))

    def __repr__(self):
        return f"Node({self.name!r})"


class Person(Base):
    __tablename__ = "people"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    passport = relationship("Passport", backref="holder", uselist=False)


class Passport(Base):
    __tablename__ = "passports"
    id = Column(Integer, primary_key=True)
    number = Column(String(10))
    person_id = Column(Integer, ForeignKey("people.id"))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    root = Node(name="root")
    a = Node(name="a", parent=root)
    b = Node(name="b")
    root.children.append(b)
    leaf = Node(name="leaf", parent=a)
    print(root.children, leaf.parent, a.children)
    session.add(root)
    session.commit()
    ann = Person(name="ann", passport=Passport(number="X1"))
    session.add(ann)
    session.commit()
    node = session.scalars(select(Node).where(Node.name == "leaf")).one()
    print(node.parent, node.parent.parent, node.parent.parent.parent)
    print(session.scalars(select(Passport)).one().holder.name)
    p = session.get(Person, 1)
    print(p.passport.number)
    p.passport = None
    session.commit()
    print(session.execute(select(Passport.number, Passport.person_id)).all())
