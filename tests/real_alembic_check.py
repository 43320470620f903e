"""Checks the lab's revision files against the real tools (for developers; the lab never needs Python).

    pip install sqlalchemy alembic
    python3 tests/real_alembic_check.py

It builds a throwaway project from migrations/ and the tutorial's final models, then asks real
Alembic to upgrade to head, confirm the models and the database agree (`alembic check`), walk the
history, and downgrade back to base. Any failure exits non-zero with the tool's own message.
"""
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent

MODELS = {
    "src/__init__.py": "",
    "src/models/__init__.py": "",
    "src/models/base.py": "from sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    pass\n",
    "src/models/user.py": (
        "from typing import Optional\n\nfrom sqlalchemy import Integer, String\n"
        "from sqlalchemy.orm import Mapped, mapped_column\n\nfrom src.models.base import Base\n\n\n"
        "class User(Base):\n    __tablename__ = \"users\"\n\n"
        "    id: Mapped[int] = mapped_column(Integer, primary_key=True)\n"
        "    name: Mapped[str] = mapped_column(String)\n"
        "    email: Mapped[Optional[str]] = mapped_column(String(120))\n"
    ),
    "src/models/post.py": (
        "from sqlalchemy import ForeignKey, Integer, String\n"
        "from sqlalchemy.orm import Mapped, mapped_column\n\nfrom src.models.base import Base\n\n\n"
        "class Post(Base):\n    __tablename__ = \"posts\"\n\n"
        "    id: Mapped[int] = mapped_column(Integer, primary_key=True)\n"
        "    title: Mapped[str] = mapped_column(String)\n"
        "    user_id: Mapped[int] = mapped_column(ForeignKey(\"users.id\"))\n"
    ),
}


INI = """[alembic]
script_location = migrations
sqlalchemy.url = sqlite:///sqlite.db

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = INFO
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
"""


def tables(db: Path) -> list:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(ROOT / "migrations", project / "migrations")
        for path, text in MODELS.items():
            (project / path).parent.mkdir(parents=True, exist_ok=True)
            (project / path).write_text(text)
        (project / "alembic.ini").write_text(INI)
        os.chdir(project)
        sys.path.insert(0, str(project))
        config = Config("alembic.ini")
        command.upgrade(config, "head")
        found = tables(project / "sqlite.db")
        assert found == ["alembic_version", "posts", "users"], found
        command.check(config)  # raises when the models and the migrated database differ
        command.history(config)
        command.downgrade(config, "base")
        assert tables(project / "sqlite.db") == ["alembic_version"]
    print("real Alembic ran migrations/ up to head, found nothing to autogenerate, and back to base")
    return 0


if __name__ == "__main__":
    sys.exit(main())
