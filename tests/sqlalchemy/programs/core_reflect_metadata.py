"""What reflection reads: SQLite's declared types as SQLAlchemy's dialect maps them (affinity rules: INT anywhere is INTEGER, MONEY is NUMERIC, DOUBLE PRECISION is REAL, no type is NullType), NOT NULL, server defaults, named primary keys, composite keys, unique and check constraints, indexes; columns given to Table() replace the reflected ones; include_columns; MetaData.reflect(only=...) with its error; rows written and read through reflected tables."""
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, inspect, select, text
from sqlalchemy.exc import ArgumentError, InvalidRequestError

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text(
        "CREATE TABLE kinds (a int, b INTEGER NOT NULL, c BIGINT, d TINYINT, e VARCHAR(20), f varchar, g CHAR(5), "
        "h NVARCHAR(9), i TEXT, j CLOB, k REAL, l FLOAT, m DOUBLE, n DOUBLE PRECISION, o NUMERIC(10, 2), p DECIMAL(8, 3), "
        "q BOOLEAN, r DATETIME, s DATE, t TIME, u TIMESTAMP, v BLOB, w JSON, x MONEY, y, z BOOL DEFAULT 0)"
    ))
    conn.execute(text(
        "CREATE TABLE accounts (id INTEGER NOT NULL, owner VARCHAR(50) NOT NULL, balance NUMERIC(10, 2) DEFAULT '0', "
        "created DATETIME DEFAULT CURRENT_TIMESTAMP, CONSTRAINT pk_accounts PRIMARY KEY (id), "
        "CONSTRAINT uq_accounts_owner UNIQUE (owner), CONSTRAINT ck_positive CHECK (balance >= 0))"
    ))
    conn.execute(text("CREATE INDEX ix_accounts_created ON accounts (created)"))
    conn.execute(text(
        "CREATE TABLE tags (account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE, tag VARCHAR(20) NOT NULL, "
        "CONSTRAINT pk_tags PRIMARY KEY (account_id, tag))"
    ))
    conn.execute(text("INSERT INTO accounts (owner, balance) VALUES ('spongebob', 10.5), ('sandy', 3)"))

meta = MetaData()
kinds = Table("kinds", meta, autoload_with=engine)
for column in kinds.c:
    print(column.name, repr(column.type), column.nullable)

accounts = Table("accounts", meta, autoload_with=engine)
print(repr(accounts))
print(accounts.primary_key.name, [c.name for c in accounts.primary_key])
tags = Table("tags", meta, autoload_with=engine)
print(repr(tags))
print(tags.primary_key.name, [c.name for c in tags.primary_key])

with engine.begin() as conn:
    conn.execute(insert(tags), [{"account_id": 1, "tag": "yellow"}, {"account_id": 1, "tag": "sea"}])
    rows = conn.execute(select(accounts.c.owner, accounts.c.balance, tags.c.tag).join(tags).order_by(tags.c.tag)).all()
    print(rows)
    print(conn.execute(select(accounts.c.balance).order_by(accounts.c.id)).scalars().all())

given = MetaData()
accounts2 = Table("accounts", given, Column("owner", String(80), nullable=False), Column("note", String), autoload_with=engine)
print(repr(accounts2))
try:
    Table("accounts", MetaData(), Column("id", Integer), autoload_with=engine)
except ArgumentError as err:
    print("ArgumentError:", err)
some = MetaData()
narrow = Table("accounts", some, include_columns=["id", "owner"], autoload_with=engine)
print(repr(narrow))

only = MetaData()
only.reflect(engine, only=["tags"])
print(sorted(only.tables))
try:
    MetaData().reflect(engine, only=["tags", "zzz"])
except InvalidRequestError as err:
    print("InvalidRequestError:", err)
picked = MetaData()
picked.reflect(bind=engine, only=lambda name, meta: name.startswith("k"))
print(list(picked.tables))
no_fks = MetaData()
Table("tags", no_fks, autoload_with=engine, resolve_fks=False)
print(list(no_fks.tables))
try:
    Table("accounts", MetaData(), autoload_with="sqlite://")
except Exception as err:
    print(type(err).__name__ + ":", err)
for subject in (5, object):
    try:
        inspect(subject)
    except Exception as err:
        print(type(err).__name__ + ":", err)
print(inspect(engine).get_columns("kinds")[-1])
