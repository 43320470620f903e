# SQL functions in Core: func.count(), func.max, func.lower, func.sum with group_by and
# labels; echo=True shows the generated SQL (count(*), max(...), lower(...)).
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, func, insert, select

metadata = MetaData()
sales = Table("sales", metadata, Column("id", Integer, primary_key=True), Column("region", String(10)),
              Column("amount", Integer))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(sales), [{"region": "North", "amount": 10}, {"region": "South", "amount": 5},
                                 {"region": "North", "amount": 7}, {"region": "East", "amount": 12}])
engine.echo = True
with engine.connect() as conn:
    print(conn.execute(select(func.count()).select_from(sales)).scalar())
    print(conn.execute(select(func.max(sales.c.amount))).scalar())
    print(conn.execute(select(func.lower(sales.c.region)).order_by(sales.c.id).limit(2)).scalars().all())
    stmt = (select(sales.c.region, func.sum(sales.c.amount).label("total"), func.count(sales.c.id))
            .group_by(sales.c.region).order_by(sales.c.region))
    for row in conn.execute(stmt):
        print(row.region, row.total, row[2])
