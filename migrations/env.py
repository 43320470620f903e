"""Alembic runs this file for every command that touches the database.

It reads the database URL from alembic.ini, hands Alembic the models' MetaData (so
`alembic revision --autogenerate` can compare models and database), and runs the
migrations either on a live connection or, with --sql, as SQL text.
"""
from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context

from src.models.base import Base
import src.models.user  # noqa: F401  registers the users table on Base.metadata
import src.models.post  # noqa: F401  registers the posts table on Base.metadata

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name)

# What autogenerate compares the database with. Left as None, autogenerate sees no
# tables at all and writes an empty revision.
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    """`--sql` mode: print the SQL instead of connecting."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Connect to the database and run the migrations on it."""
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
