"""Alembic runs this file for every command that touches the database.

It reads the database URL from alembic.ini and runs the migrations, either on a live
connection or, with --sql, as SQL text.
"""
from logging.config import fileConfig

from sqlalchemy import engine_from_config, pool

from alembic import context

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name)

# What `alembic revision --autogenerate` compares the database with: your models'
# MetaData. Until you set it, autogenerate sees no models and writes empty revisions.
#   from src.models.base import Base
#   import src.models.user  # so the User table is registered on Base.metadata
#   target_metadata = Base.metadata
target_metadata = None


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
