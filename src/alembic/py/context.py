"""alembic.context, as env.py sees it: the configuration of the command that runs it
(`context.config`), `configure()`, `begin_transaction()`, `run_migrations()` and the rest of
Alembic's EnvironmentContext. The migration itself runs in the lab (natively); outside a
command there is no context, and its functions say so in Alembic's words."""

import _alembic
from alembic.config import Config


class _CommandOptions:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"Namespace(x={self.x!r})"


_env = _alembic.environment()
if _env is not None:
    config = Config(_env["config_file_name"], ini_section=_env["ini_section"],
                    cmd_opts=_CommandOptions(_env["x"]))


def configure(connection=None, url=None, dialect_name=None, dialect_opts=None, transactional_ddl=None,
              transaction_per_migration=False, output_buffer=None, starting_rev=None, tag=None,
              template_args=None, render_as_batch=False, target_metadata=None, include_name=None,
              include_object=None, include_schemas=False, process_revision_directives=None,
              compare_type=True, compare_server_default=False, render_item=None, literal_binds=False,
              upgrade_token="upgrades", downgrade_token="downgrades", alembic_module_prefix="op.",
              sqlalchemy_module_prefix="sa.", user_module_prefix=None, on_version_apply=None,
              version_table="alembic_version", version_table_schema=None, version_table_pk=True, **kw):
    _alembic.configure(connection, url, target_metadata, {
        "render_as_batch": render_as_batch, "compare_type": compare_type, "include_object": include_object,
        "include_name": include_name, "process_revision_directives": process_revision_directives,
        "literal_binds": literal_binds, "version_table": version_table, "dialect_name": dialect_name,
        "transaction_per_migration": transaction_per_migration, "tag": tag})


class _LogicalTransaction:
    """What begin_transaction() gives on SQLite: each revision runs in its own transaction, so
    the outer one is a no-op block."""

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def begin_transaction():
    _alembic.require("begin_transaction")
    return _LogicalTransaction()


def run_migrations(**kw):
    _alembic.run_migrations()


def is_offline_mode():
    return _alembic.is_offline_mode()


def is_transactional_ddl():
    _alembic.require("is_transactional_ddl")
    return False


def get_x_argument(as_dictionary=False):
    _alembic.require("get_x_argument")
    args = list(config.cmd_opts.x or [])
    if as_dictionary:
        found = {}
        for arg in args:
            key, _, value = arg.partition("=")
            found[key] = value
        return found
    return args


def get_tag_argument():
    _alembic.require("get_tag_argument")
    return _alembic.option("tag")


def get_bind():
    return _alembic.bind()


def execute(sql, execution_options=None):
    from alembic import op
    op.execute(sql)


def get_context():
    _alembic.unavailable("context.get_context()")


def static_output(text):
    print(text)
