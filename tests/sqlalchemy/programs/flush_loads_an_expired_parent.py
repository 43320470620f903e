from sqlalchemy import create_engine, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[list["Post"]] = relationship(back_populates="author")

class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    author: Mapped[User] = relationship(back_populates="posts")

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(name="ann")
    session.add(u)
    session.commit()
    print("--- after commit")
    p = Post(title="hi", author=u)
    print("--- built post")
    session.add(p)
    session.commit()
    print("--- a second post, by the parent's collection")
    session.add(Post(title="again", author=u))
    u2 = User(name="bo", posts=[Post(title="first of bo")])
    session.add(u2)
    session.commit()
    print(u2.posts[0].author_id, [p.title for p in u.posts])
