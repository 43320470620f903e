# result.mappings() gives dict-like RowMapping objects; .all(), .first(), ["key"] lookups,
# and an unknown key raising KeyError.
from sqlalchemy import create_engine, text

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE cities (name TEXT, country TEXT, pop INTEGER)"))
    conn.execute(text("INSERT INTO cities VALUES (:n, :c, :p)"),
                 [{"n": "Oslo", "c": "NO", "p": 700000}, {"n": "Lima", "c": "PE", "p": 10000000}])
with engine.connect() as conn:
    rows = conn.execute(text("SELECT name, pop FROM cities ORDER BY name")).mappings().all()
    print(rows)
    for m in rows:
        print(m["name"], m["pop"], list(m.keys()))
    first = conn.execute(text("SELECT * FROM cities WHERE country = :c"), {"c": "NO"}).mappings().first()
    print(first, type(first).__name__)
    print(dict(first))
    try:
        print(first["mayor"])
    except KeyError as e:
        print("KeyError:", e)
