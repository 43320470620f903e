# Core text() statements with :name bind parameters, run on engine.connect(),
# with echo=True showing how the named binds become ? placeholders.
from sqlalchemy import create_engine, text

engine = create_engine("sqlite://", echo=True)
with engine.connect() as conn:
    conn.execute(text("CREATE TABLE some_table (x int, y int)"))
    conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                 [{"x": 1, "y": 1}, {"x": 2, "y": 4}, {"x": 3, "y": 9}])
    conn.commit()
    result = conn.execute(text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x"), {"y": 2})
    for row in result:
        print(f"x: {row.x}  y: {row.y}")
    print(conn.execute(text("SELECT 'hello world'")).all())
