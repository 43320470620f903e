"""Self-referential: a tree of tags (remote_side); parents are inserted before their children, a unique violation, merge()."""
from sqlalchemy import create_engine, String, select, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, relationship
from sqlalchemy.exc import IntegrityError, NoResultFound

class Base(DeclarativeBase):
    pass

class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(10), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tags.id"))
    children: Mapped[list["Tag"]] = relationship(back_populates="parent")
    parent: Mapped["Tag | None"] = relationship(back_populates="children", remote_side=[id])

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    root = Tag(name="root")
    root.children = [Tag(name="a"), Tag(name="b")]
    s.add(root)
    s.commit()
    print([c.name for c in root.children], s.scalars(select(Tag).where(Tag.name == "a")).one().parent.name)
    s.add(Tag(name="a"))
    try:
        s.commit()
    except IntegrityError as e:
        print(type(e).__name__, str(e.orig))
        s.rollback()
    try:
        s.scalars(select(Tag).where(Tag.name == "zz")).one()
    except NoResultFound as e:
        print(e)
    t = s.merge(Tag(id=2, name="A"))
    s.commit()
    print(s.get(Tag, 2).name, s.scalars(select(Tag.name).order_by(Tag.name.desc()).limit(2).offset(1)).all())
