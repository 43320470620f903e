"""Column() and mapped_column() keywords: the ones SQLAlchemy does not know are a TypeError."""
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import mapped_column

for make in [
    lambda: Column(Integer, deferred=True),
    lambda: Column("name", String(20), bogus=1),
    lambda: mapped_column(Integer, bogus=1),
    lambda: mapped_column(Integer, doc="the count", info={"shown": False}),
    lambda: Column("name", String(20), doc="a name"),
]:
    try:
        print(repr(make()).split(" object at ")[0])
    except Exception as e:
        print(type(e).__name__, e)
