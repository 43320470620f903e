"""The order a flush writes unrelated classes and related ones: SQLAlchemy's unit of work sorts
its actions by class name, then by what depends on what — not by the order objects were added."""
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Zebra(Base):
    __tablename__ = "a_zebras"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Apple(Base):
    __tablename__ = "z_apples"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Keeper(Base):
    __tablename__ = "keepers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    zebras: Mapped[list["Stripe"]] = relationship(back_populates="keeper")


class Stripe(Base):
    __tablename__ = "b_stripes"
    id: Mapped[int] = mapped_column(primary_key=True)
    keeper_id: Mapped[int] = mapped_column(ForeignKey("keepers.id"))
    keeper: Mapped[Keeper] = relationship(back_populates="zebras")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Zebra(name="z"))
    s.add(Stripe(keeper=Keeper(name="k")))
    s.add(Apple(name="a"))
    s.commit()
    s.delete(s.get(Zebra, 1))
    s.delete(s.get(Apple, 1))
    stripe = s.get(Stripe, 1)
    s.delete(stripe.keeper)
    s.delete(stripe)
    s.commit()
    print(s.scalar(select(Keeper).limit(1)))
