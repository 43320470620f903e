"""MetaData(naming_convention=...): the DDL names the primary key, unique index, check and foreign key by the templates."""
from sqlalchemy import MetaData, create_engine, String, ForeignKey, CheckConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s", "ck": "ck_%(table_name)s_%(constraint_name)s", "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s"})
class Team(Base):
    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(40), unique=True, index=True)
class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    age: Mapped[int]
    __table_args__ = (CheckConstraint("age > 0", name="positive"),)
e = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e)
print(Base.metadata.naming_convention["pk"] if hasattr(Base.metadata, "naming_convention") else None)
