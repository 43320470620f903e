"""Python enums in models: Mapped[Status] becomes an Enum column of the member names, rows come
back as members; a name the enum lacks is SQLAlchemy's LookupError."""
import enum
from typing import Optional

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Status(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[Status]
    review: Mapped[Optional[Status]]
    archived: Mapped[Status | None]
    title: Mapped[str]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
print(repr(Post.__table__.c.status.type), repr(Post.__table__.c.review.type), Post.__table__.c.archived.nullable)
with Session(engine) as session:
    session.add(Post(status=Status.DRAFT, title="a"))
    session.add(Post(status=Status.PUBLISHED, review=Status.DRAFT, title="b"))
    session.commit()
    post = session.scalars(select(Post).where(Post.status == Status.DRAFT)).one()
    print(post.status, post.status is Status.DRAFT, post.review)
    post.status = Status.PUBLISHED
    session.commit()
    print(session.execute(select(Post.title, Post.status, Post.review).order_by(Post.id)).all())
    session.execute(text("UPDATE posts SET status = 'GONE' WHERE id = 1"))
    try:
        session.scalars(select(Post.status)).all()
    except LookupError as e:
        print("LookupError:", e)
