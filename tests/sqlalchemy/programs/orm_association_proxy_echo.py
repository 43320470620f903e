"""sqlalchemy.ext.associationproxy: a user's keywords as plain strings through an association
object (reading, appending creates the association, removing), and a proxy over a many-to-many."""
from sqlalchemy import Column, ForeignKey, String, Table, create_engine, select
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    kw: Mapped[list["Keyword"]] = relationship(secondary=lambda: user_keyword_table)
    keywords = association_proxy("kw", "keyword")

    def __init__(self, name):
        self.name = name


class Keyword(Base):
    __tablename__ = "keyword"
    id: Mapped[int] = mapped_column(primary_key=True)
    keyword: Mapped[str] = mapped_column(String(64))

    def __init__(self, keyword):
        self.keyword = keyword

    def __repr__(self):
        return f"Keyword({self.keyword!r})"


user_keyword_table = Table(
    "user_keyword",
    Base.metadata,
    Column("user_id", ForeignKey("user.id"), primary_key=True),
    Column("keyword_id", ForeignKey("keyword.id"), primary_key=True),
)

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    user = User("jek")
    user.kw.append(Keyword("cheese-inspector"))
    print(user.keywords)
    user.keywords.append("snack-ninja")
    print(user.kw, len(user.keywords), "snack-ninja" in user.keywords, user.keywords[0])
    s.add(user)
    s.commit()
    u = s.scalars(select(User)).one()
    print(list(u.keywords), u.keywords == ["cheese-inspector", "snack-ninja"])
    u.keywords.remove("cheese-inspector")
    s.commit()
    print(s.scalars(select(User)).one().keywords)
