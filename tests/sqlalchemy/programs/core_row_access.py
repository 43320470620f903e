# A Core Row: repr, index access, attribute access, _mapping, tuple unpacking, _fields,
# equality with a tuple, and what happens for a column name that is not there.
from sqlalchemy import create_engine, text

engine = create_engine("sqlite://")
with engine.connect() as conn:
    row = conn.execute(text("SELECT 1 AS id, 'ada' AS name, 3.5 AS score")).one()
    print(row)
    print(repr(row), type(row).__name__)
    print(row[0], row[1], row[-1])
    print(row.id, row.name, row.score)
    print(row._mapping["name"], row._fields)
    row_id, name, score = row
    print(row_id, name, score)
    print(row == (1, "ada", 3.5), len(row), tuple(row))
    try:
        print(row.age)
    except AttributeError as e:
        print("AttributeError:", e)
    print(row._asdict())
