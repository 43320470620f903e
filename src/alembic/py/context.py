"""alembic.context, as env.py sees it: the configuration of the command that runs it
(`context.config`), `configure()`, `begin_transaction()`, `run_migrations()` and the rest of
Alembic's EnvironmentContext. The migration itself runs in the lab (natively); outside a
command there is no context, and its functions say so in Alembic's words."""

import _alembic
from alembic.config import Config


class _CommandOptions:
    """argparse's Namespace for the command: its options and positionals, and -x."""

    def __init__(self, options):
        for name, value in options.items():
            setattr(self, name, value)

    def __repr__(self):
        return "Namespace(" + ", ".join(f"{k}={v!r}" for k, v in vars(self).items()) + ")"


_env = _alembic.environment()
if _env is not None:
    config = Config(_env["config_file_name"], ini_section=_env["ini_section"],
                    cmd_opts=_CommandOptions(_env["options"]))
_opts = {}


def configure(connection=None, url=None, dialect_name=None, dialect_opts=None, transactional_ddl=None,
              transaction_per_migration=False, output_buffer=None, starting_rev=None, tag=None,
              template_args=None, render_as_batch=False, target_metadata=None, include_name=None,
              include_object=None, include_schemas=False, process_revision_directives=None,
              compare_type=True, compare_server_default=False, render_item=None, literal_binds=False,
              upgrade_token="upgrades", downgrade_token="downgrades", alembic_module_prefix="op.",
              sqlalchemy_module_prefix="sa.", user_module_prefix=None, on_version_apply=None,
              version_table="alembic_version", version_table_schema=None, version_table_pk=True, **kw):
    _opts.update(kw)
    _opts.update(dict(connection=connection, url=url, target_metadata=target_metadata,
                      include_object=include_object, include_name=include_name, compare_type=compare_type,
                      process_revision_directives=process_revision_directives, render_as_batch=render_as_batch,
                      literal_binds=literal_binds, version_table=version_table))
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
    _alembic.require("get_context")
    return _migration_context()


def static_output(text):
    print(text)


class MigrationContext:
    """What Alembic hands env.py's hooks as `context` and op.get_context() returns: the command's
    config, the options configure() got, the dialect and the connection (op.get_bind()'s). The
    rest of Alembic's MigrationContext is not in this lab."""

    def __init__(self):
        self.config = config
        self.opts = _opts

    @property
    def bind(self):
        return _alembic.bind()

    dialect = _alembic.dialect

    @property
    def connection(self):
        return _alembic.bind()

    @property
    def as_sql(self):
        return _alembic.is_offline_mode()

    def __getattr__(self, name):
        _alembic.unavailable(f"MigrationContext.{name}")


def _migration_context():
    return MigrationContext()


class _Operation:
    """One operation autogenerate found, as process_revision_directives sees it: its class and
    table (and, for ModifyTableOps, the operations on that table)."""

    def __init__(self, table_name, ops=None):
        self.table_name = table_name
        if ops is not None:
            self.ops = ops

    def __getattr__(self, name):
        _alembic.unavailable(f"{type(self).__name__}.{name} in process_revision_directives")


class CreateTableOp(_Operation): pass
class DropTableOp(_Operation): pass
class AddColumnOp(_Operation): pass
class DropColumnOp(_Operation): pass
class AlterColumnOp(_Operation): pass
class RenameTableOp(_Operation): pass
class CreateIndexOp(_Operation): pass
class DropIndexOp(_Operation): pass
class CreateUniqueConstraintOp(_Operation): pass
class CreateForeignKeyOp(_Operation): pass
class CreateCheckConstraintOp(_Operation): pass
class DropConstraintOp(_Operation): pass
class ExecuteSQLOp(_Operation): pass
class BulkInsertOp(_Operation): pass


class ModifyTableOps(_Operation):
    def is_empty(self):
        return not self.ops


class UpgradeOps:
    def __init__(self, ops):
        self.ops = ops

    def is_empty(self):
        return not self.ops


class DowngradeOps(UpgradeOps):
    pass


class MigrationScript:
    """The revision autogenerate is about to write: what process_revision_directives may read,
    change (rev_id, message), or drop by emptying the list."""

    def __init__(self, rev_id, message, upgrade_ops, downgrade_ops):
        self.rev_id = rev_id
        self.message = message
        self.imports = set()
        self.head = None
        self.splice = False
        self.branch_label = None
        self.version_path = None
        self.depends_on = None
        self.upgrade_ops = upgrade_ops
        self.downgrade_ops = downgrade_ops

    @property
    def upgrade_ops_list(self):
        return [self.upgrade_ops]

    @property
    def downgrade_ops_list(self):
        return [self.downgrade_ops]


_OPERATIONS = {cls.__name__: cls for cls in (
    CreateTableOp, DropTableOp, AddColumnOp, DropColumnOp, AlterColumnOp, RenameTableOp, CreateIndexOp,
    DropIndexOp, CreateUniqueConstraintOp, CreateForeignKeyOp, CreateCheckConstraintOp, DropConstraintOp,
    ExecuteSQLOp, BulkInsertOp, ModifyTableOps)}


def _operations(groups):
    found = []
    for kind, table, children in groups:
        cls = _OPERATIONS[kind]
        found.append(cls(table, [_OPERATIONS[c](table) for c in children]) if kind == "ModifyTableOps" else cls(table))
    return found


def _process_directives(hook, revision, rev_id, message, upgrade, downgrade):
    """Calls env.py's process_revision_directives as Alembic does; the script's rev_id and
    message afterwards, or None when the hook emptied the list."""
    script = MigrationScript(rev_id, message, UpgradeOps(_operations(upgrade)), DowngradeOps(_operations(downgrade)))
    directives = [script]
    hook(MigrationContext(), revision, directives)
    if not directives:
        return None
    if len(directives) != 1 or directives[0] is not script:
        _alembic.unavailable("process_revision_directives replacing the MigrationScript (the lab writes the one it made)")
    return (script.rev_id, script.message)
