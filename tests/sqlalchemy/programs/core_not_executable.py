"""What execute() cannot run: a Connection's ObjectNotExecutableError, a Session's ArgumentError."""
from sqlalchemy import create_engine, select, literal
from sqlalchemy.orm import Session

engine = create_engine("sqlite://")
with engine.connect() as conn:
    for statement in [select(literal(1)).scalar_subquery(), 5, "select 1"]:
        try:
            conn.execute(statement)
        except Exception as exc:
            print(type(exc).__name__, isinstance(exc, Exception.__mro__[0]), exc)
with Session(engine) as session:
    for statement in [5, "select 1", select(literal(1)).scalar_subquery()]:
        try:
            session.execute(statement)
        except Exception as exc:
            print(type(exc).__name__, exc)
    session.scalar(select(literal(1)).scalar_subquery())
