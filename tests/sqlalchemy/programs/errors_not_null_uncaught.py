# Inserting a row that leaves a NOT NULL column empty with Core: the IntegrityError is not
# caught, so the program ends with SQLAlchemy's traceback (library frames removed).
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert

metadata = MetaData()
accounts = Table("accounts", metadata, Column("id", Integer, primary_key=True),
                 Column("owner", String(30), nullable=False))
engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(accounts).values(owner="ok"))
    print("first insert done")
    conn.execute(insert(accounts).values(owner=None))
