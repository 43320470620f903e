"""Writes src/library_names.txt (development only): the modules of SQLAlchemy 2.1.9 and Alembic
1.20.1, one per line (a package's name ends with `/`), and for the modules the lab provides the
public names the real one has; then the classes whose objects the lab's own stand in for
(`Session() add merge …`, by the name the lab's objects give their type), with their public names.

    /path/to/venv/bin/python tests/sqlalchemy/library_names.py

The lab reads it to tell a name the real library has but the lab does not ("not available in this
lab: sqlalchemy.orm.load_only") from a name that does not exist (Python's own ImportError or
ModuleNotFoundError, as the learner's machine would print it).
"""
import importlib
import os
from pathlib import Path

import alembic
import sqlalchemy

ROOT = Path(__file__).resolve().parents[2]
# The modules the lab provides (src/sqlalchemy/mod.rs, src/alembic/mod.rs): their names are listed.
PROVIDED = ["sqlalchemy", "sqlalchemy.orm", "sqlalchemy.sql", "sqlalchemy.pool", "sqlalchemy.exc", "sqlalchemy.orm.exc", "sqlalchemy.dialects", "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql", "sqlalchemy.dialects.mysql",
            "sqlalchemy.engine", "sqlalchemy.event", "sqlalchemy.schema",
            "alembic", "alembic.op", "alembic.context", "alembic.config", "alembic.util"]


def modules(package):
    root = Path(package.__file__).parent
    for directory, _, files in os.walk(root):
        for file in files:
            if not file.endswith(".py"):
                continue
            parts = list((Path(directory) / file).relative_to(root.parent).with_suffix("").parts)
            package = parts[-1] == "__init__"
            if package:
                parts.pop()
            if any(p.startswith("_") for p in parts) or "testing" in parts or "templates" in parts:
                continue
            yield ".".join(parts), package


def is_its_own(value):
    """Not a submodule (the module list has those) nor a `typing` name a module imported."""
    return type(value).__name__ != "module" and getattr(value, "__module__", "") not in ("typing", "typing_extensions")


def classes():
    """The lab's object types (their `library_class()` in src/sqlalchemy, src/alembic) and the real
    classes, or an object where `dir()` of one lists more than its class does."""
    import sqlite3

    from alembic.operations import BatchOperations
    from sqlalchemy.pool.base import _ConnectionRecord
    from sqlalchemy import orm
    from sqlalchemy.engine import Connection, CursorResult, Engine, Inspector, MappingResult, Row, RowMapping, ScalarResult
    from sqlalchemy.orm.attributes import InstrumentedAttribute
    return {"Session": orm.Session, "Query": orm.Query, "sessionmaker": orm.sessionmaker, "Mapper": orm.Mapper,
            "InstrumentedAttribute": InstrumentedAttribute, "Select": sqlalchemy.Select, "Insert": sqlalchemy.Insert,
            "Update": sqlalchemy.Update, "Delete": sqlalchemy.Delete, "TextClause": sqlalchemy.TextClause,
            "CursorResult": CursorResult, "ScalarResult": ScalarResult, "MappingResult": MappingResult, "Row": Row,
            "RowMapping": RowMapping, "Engine": Engine, "Connection": Connection, "MetaData": sqlalchemy.MetaData,
            "Table": sqlalchemy.Table, "Column": sqlalchemy.Column, "SQLiteInspector": Inspector,
            "BatchOperations": BatchOperations, "sqlite3.Connection": sqlite3.Connection, "sqlite3.Cursor": sqlite3.Cursor,
            "_ConnectionRecord": _ConnectionRecord, "ColumnAttribute": column_attribute()}


def column_attribute():
    """A mapped column's class attribute (`User.name`): `dir()` lists its column's names too."""
    from sqlalchemy import orm

    class Base(orm.DeclarativeBase):
        pass

    class User(Base):
        __tablename__ = "users"
        id: orm.Mapped[int] = orm.mapped_column(primary_key=True)

    return User.id


def main():
    assert sqlalchemy.__version__ == "2.1.9" and alembic.__version__ == "1.20.1"
    lines = []
    for name, package in sorted(set(modules(sqlalchemy)) | set(modules(alembic))):
        names = []
        if name in PROVIDED:
            module = importlib.import_module(name)
            names = sorted(n for n in dir(module) if not n.startswith("_") and is_its_own(getattr(module, n)))
        lines.append(" ".join([name + ("/" if package else ""), *names]))
    for name, cls in classes().items():
        lines.append(" ".join([name + "()", *sorted(n for n in dir(cls) if not n.startswith("_"))]))
    (ROOT / "src/library_names.txt").write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} modules")


if __name__ == "__main__":
    main()
