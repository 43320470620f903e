"""The scenarios record.py runs under real Alembic: the walkthrough, generated revision graphs with
every read-only command and every target form, batch mode, and one scenario per divergence found.

A scenario is data: `files` written over the lab's starting project, then `steps`, each one of
  {"run": "alembic ..."} or {"run": "<a line of Python>"}   a console line
  {"write": path, "text": ...} / {"remove": path}             a file change
  {"edit": (path, old, new)}                                  replace the first `old` with `new`
  {"unpack": project, "from": path, "to": path}               a public project's files (record.py)
"""
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DATE = "2026-11-20 09:00:00.000000"

URL_EDIT = {"edit": ("alembic.ini", "sqlalchemy.url = driver://user:pass@localhost/dbname",
                     "sqlalchemy.url = sqlite:///sqlite.db")}
METADATA_EDIT = {"edit": ("migrations/env.py", "target_metadata = None",
                          "from src.models.base import Base\nimport src.models.user  # noqa: F401\n\n"
                          "target_metadata = Base.metadata")}
CONFIGURED = [{"run": "alembic init migrations"}, URL_EDIT, METADATA_EDIT]


def import_model(module):
    """env.py imports one more model module (src/models/MODULE.py), after the user model."""
    return {"edit": ("migrations/env.py", "import src.models.user  # noqa: F401",
                     f"import src.models.user  # noqa: F401\nimport src.models.{module}  # noqa: F401")}


def walkthrough():
    """The page's walkthrough, read from www/walkthrough.js so the two cannot drift apart."""
    script = ('import("./www/walkthrough.js").then(m => '
              'console.log(JSON.stringify(m.CHAPTERS.flatMap(c => c.steps))))')
    steps = json.loads(subprocess.run(["node", "-e", script], cwd=ROOT, check=True,
                                      capture_output=True, text=True).stdout)
    out = []
    for step in steps:
        if "run" in step and step["run"].startswith("rm "):
            out.append({"remove": step["run"].removeprefix("rm ")})  # the page types rm; the recorder unlinks
        elif "run" in step:
            out.append({"run": step["run"]})
        elif "edit" in step:
            out.append({"edit": (step["edit"]["path"], step["edit"]["from"], step["edit"]["to"])})
        elif "remove" in step:
            out.append({"remove": step["remove"]})
    return out


def py_value(value):
    if value is None:
        return "None"
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(repr(v) for v in value) + ")"
    return repr(value)


def rev_file(rev, down, message, labels=None, depends=None, upgrade=None, downgrade=None, revises=None):
    """A revision file in the layout the project's script.py.mako renders. With no body, the
    revision creates and drops a table of its own, so every step shows in the schema."""
    table = f"t_{rev}"
    if upgrade is None:
        upgrade = (f"    op.create_table('{table}',\n"
                   f"    sa.Column('id', sa.Integer(), nullable=False),\n"
                   f"    sa.PrimaryKeyConstraint('id')\n    )")
    if downgrade is None:
        downgrade = f"    op.drop_table('{table}')"
    if revises is None:
        revises = ", ".join(down) if isinstance(down, (list, tuple)) else (down or "")
    return (f'"""{message}\n\nRevision ID: {rev}\nRevises: {revises}\nCreate Date: {DATE}\n\n"""\n'
            "from typing import Sequence, Union\n\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n"
            "# Where this file sits in the revision graph: Alembic reads these four names.\n"
            f"revision: str = {rev!r}\n"
            f"down_revision: Union[str, Sequence[str], None] = {py_value(down)}\n"
            f"branch_labels: Union[str, Sequence[str], None] = {py_value(labels)}\n"
            f"depends_on: Union[str, Sequence[str], None] = {py_value(depends)}\n\n\n"
            f"def upgrade() -> None:\n    \"\"\"Move the schema forward to this revision.\"\"\"\n{upgrade}\n\n\n"
            f"def downgrade() -> None:\n    \"\"\"Take the schema back to the revision before this one.\"\"\"\n{downgrade}\n")


def graph(revs):
    """Files for a graph: (rev, down, message[, labels[, depends]]) tuples."""
    files = {}
    for spec in revs:
        rev, down, message = spec[:3]
        labels = spec[3] if len(spec) > 3 else None
        depends = spec[4] if len(spec) > 4 else None
        slug = message.lower().replace(" ", "_")
        files[f"migrations/versions/{rev}_{slug}.py"] = rev_file(rev, down, message, labels, depends)
    return files


def project(revs):
    """alembic init's files (the lab's words), set up for sqlite.db, plus a revision graph."""
    files = {
        "alembic.ini": (ROOT / "templates/init/alembic.ini").read_text().replace(
            "sqlalchemy.url = driver://user:pass@localhost/dbname", "sqlalchemy.url = sqlite:///sqlite.db"),
        "migrations/env.py": (ROOT / "templates/init/env.py").read_text().replace(
            "target_metadata = None",
            "from src.models.base import Base\nimport src.models.user  # noqa: F401\n\n"
            "target_metadata = Base.metadata"),
        "migrations/script.py.mako": (ROOT / "migrations/script.py.mako").read_text(),
        "migrations/README": (ROOT / "templates/init/README").read_text(),
    }
    files.update(graph(revs))
    return files


def runs(*lines):
    return [{"run": line} for line in lines]


READ_ONLY = ["alembic heads", "alembic heads -v", "alembic branches", "alembic branches -v",
             "alembic history", "alembic history -v", "alembic history -i", "alembic current",
             "alembic current -v"]

CHAIN = [("1975ea83b712", None, "create accounts"), ("ae1027a6acf0", "1975ea83b712", "add orders"),
         ("27c6a30d7c24", "ae1027a6acf0", "add invoices"), ("3cd9f1e44b0a", "27c6a30d7c24", "add notes")]

BRANCHED = [("1975ea83b712", None, "create accounts"), ("ae1027a6acf0", "1975ea83b712", "add orders"),
            ("27c6a30d7c24", "ae1027a6acf0", "add invoices"), ("3cd9f1e44b0a", "ae1027a6acf0", "add notes")]

MERGED = BRANCHED + [("55d0f2a8e601", ("27c6a30d7c24", "3cd9f1e44b0a"), "merge invoices and notes"),
                     ("6a7b8c9d0e1f", "55d0f2a8e601", "add audit")]

MERGE_OF_MERGES = [
    ("a00000000001", None, "root"),
    ("b00000000001", "a00000000001", "left one"), ("b00000000002", "a00000000001", "middle one"),
    ("b00000000003", "a00000000001", "right one"),
    ("c00000000001", ("b00000000001", "b00000000002"), "merge left and middle"),
    ("c00000000002", ("c00000000001", "b00000000003"), "merge all"),
]

SIX_HEADS = [("f00000000000", None, "root")] + [
    (f"f0000000000{i}", "f00000000000", f"branch {i}") for i in range(1, 7)]

TWO_ROOTS = [("1a0000000001", None, "first root"), ("1a0000000002", "1a0000000001", "after first"),
             ("2b0000000001", None, "second root"), ("2b0000000002", "2b0000000001", "after second")]

LABELS = [("3f006feccfa5", None, "create base"), ("8c1ae2b0e3d4", "3f006feccfa5", "main work"),
          ("dba09a7ae494", "3f006feccfa5", "add events", ("feature",)),
          ("8f46247acf9e", "dba09a7ae494", "more events")]

DEPENDS = [("d023354ccd0b", None, "create tags", ("tags",)),
           ("b9d786d102cf", None, "create users", ("users",)),
           ("575b7ae03908", "b9d786d102cf", "alter tags", None, "d023354ccd0b")]

PREFIX = [("abcd11111111", None, "first"), ("abcd22222222", "abcd11111111", "second"),
          ("abce33333333", "abcd22222222", "third")]


def targets_online(ids):
    a, b, c, d = ids
    return runs(
        "alembic upgrade zzzz", f"alembic upgrade {a[:4]}", "alembic current", f"alembic upgrade {b}",
        "alembic upgrade +1", "alembic current -v", "alembic upgrade +5", "alembic downgrade -5",
        "alembic downgrade -1", "alembic history -i", f"alembic upgrade {b}+2", "alembic upgrade head",
        "alembic upgrade head", "alembic downgrade -2", "alembic downgrade base", "alembic downgrade base",
        "alembic upgrade heads", f"alembic downgrade {a}", f"alembic downgrade {c}", "alembic upgrade +0",
        f"alembic stamp {b}", "alembic current", "alembic stamp base", "alembic stamp heads --purge",
        "alembic current", "alembic downgrade base", f"alembic upgrade {d[:6]}",
    )


def targets_offline(ids):
    a, b, c, d = ids
    return runs(
        "alembic upgrade head --sql", f"alembic upgrade {a}:{c} --sql", f"alembic upgrade {b}:head --sql",
        f"alembic downgrade {d}:{b} --sql", f"alembic downgrade head:base --sql", "alembic downgrade -1 --sql",
        "alembic upgrade +1 --sql", f"alembic upgrade {a}:+2 --sql", "alembic stamp head --sql",
        f"alembic stamp {a}:{c} --sql", "alembic upgrade zzzz --sql", f"alembic upgrade {a[:4]}:{c} --sql",
    )


def history_ranges(ids):
    a, b, c, d = ids
    return runs(
        f"alembic history -r {a}:{c}", f"alembic history -r{a[:6]}:{b[:6]}", f"alembic history -r{a[:6]}:",
        f"alembic history -r :{b}", "alembic history -r-3:current", "alembic history --rev-range=-3:current",
        "alembic history -r current:", "alembic history -r base:head", "alembic history -r -1:",
        f"alembic history --rev-range {b}:{d}", "alembic history -r zzzz:", f"alembic history -v -r {c}:",
        f"alembic show {a}", f"alembic show {c[:5]}", "alembic show head", "alembic show base",
        "alembic show heads", "alembic show current", "alembic show zzzz",
    )


def SCENARIOS():
    ids = [r[0] for r in CHAIN]
    yield {"name": "walkthrough", "about": "The page's walkthrough, every step in order.",
           "steps": walkthrough()}
    yield {"name": "chain_read_only", "about": "A chain of four: every read-only command.",
           "files": project(CHAIN),
           "steps": runs(*READ_ONLY) + runs("alembic upgrade 27c6a30d7c24") + runs(*READ_ONLY)}
    yield {"name": "chain_targets_online", "about": "Every target form on a chain, online.",
           "files": project(CHAIN), "steps": targets_online(ids)}
    yield {"name": "chain_targets_offline", "about": "Every target form with --sql.",
           "files": project(CHAIN), "steps": targets_offline(ids)}
    yield {"name": "chain_history_ranges", "about": "history -r in all its spellings, and show.",
           "files": project(CHAIN), "steps": runs("alembic upgrade ae1027a6acf0") + history_ranges(ids)}
    yield {"name": "two_heads", "about": "A branch point: two heads.", "files": project(BRANCHED),
           "steps": runs(*READ_ONLY, "alembic show ae1027a6acf0", "alembic upgrade head", "alembic upgrade heads",
                         *READ_ONLY, "alembic downgrade -1", "alembic downgrade 3cd9f1e44b0a@-1",
                         "alembic downgrade 27c6a30d7c24-1", "alembic history -i", "alembic downgrade base",
                         "alembic upgrade 27c6a30d7c24", "alembic upgrade +1", "alembic current",
                         "alembic upgrade heads --sql", "alembic downgrade ae1027a6acf0", "alembic upgrade +1",
                         "alembic upgrade 1975ea83b712:heads --sql", "alembic revision -m next --rev-id 77aa00000001",
                         "alembic revision -m next --rev-id 77aa00000002 --head 27c6a30d7c24",
                         "alembic heads")}
    yield {"name": "merge", "about": "Two heads merged, then one more revision.", "files": project(MERGED),
           "steps": runs(*READ_ONLY, "alembic show 55d0f2a8e601", "alembic upgrade 55d0f2a8e601",
                         "alembic current", "alembic upgrade head", "alembic history -i", "alembic downgrade -1",
                         "alembic downgrade -1", "alembic current", "alembic downgrade 27c6a30d7c24",
                         "alembic current", "alembic downgrade base", "alembic upgrade head --sql",
                         "alembic downgrade 6a7b8c9d0e1f:ae1027a6acf0 --sql")}
    yield {"name": "merge_of_merges", "about": "Three branches merged in two steps.",
           "files": project(MERGE_OF_MERGES),
           "steps": runs(*READ_ONLY, "alembic show c00000000001", "alembic upgrade b00000000002",
                         "alembic upgrade head", "alembic history -i", "alembic downgrade c00000000001",
                         "alembic current", "alembic downgrade base", "alembic upgrade head --sql")}
    yield {"name": "six_heads", "about": "Six heads from one branch point.", "files": project(SIX_HEADS),
           "steps": runs(*READ_ONLY, "alembic upgrade head", "alembic upgrade heads", "alembic current",
                         "alembic downgrade f00000000003@-1", "alembic current", "alembic downgrade base",
                         "alembic merge heads -m six --rev-id 99aa00000001", "alembic heads",
                         "alembic history")}
    yield {"name": "two_roots", "about": "Two independent roots.", "files": project(TWO_ROOTS),
           "steps": runs(*READ_ONLY, "alembic upgrade head", "alembic upgrade heads", "alembic current",
                         "alembic downgrade 1a0000000001", "alembic downgrade base", "alembic upgrade 2b0000000002",
                         "alembic history -i", "alembic upgrade heads --sql", "alembic downgrade base")}
    yield {"name": "branch_labels", "about": "A labelled branch: labels shown wherever Alembic shows them.",
           "files": project(LABELS),
           "steps": runs(*READ_ONLY, "alembic show dba09a7ae494", "alembic show feature@head",
                         "alembic upgrade feature@head", "alembic current", "alembic upgrade feature@head",
                         "alembic downgrade feature@-1", "alembic current -v", "alembic upgrade heads",
                         "alembic downgrade feature@base", "alembic current", "alembic history -r feature@base:",
                         "alembic upgrade nope@head",
                         "alembic revision -m later --rev-id 0ddba11ab1e5 --head feature@head",
                         "alembic heads -v")}
    yield {"name": "depends_on", "about": "A revision that depends on another branch.",
           "files": project(DEPENDS),
           "steps": runs(*READ_ONLY, "alembic show 575b7ae03908", "alembic upgrade 575b7ae03908",
                         "alembic current", "alembic downgrade d023354ccd0b@base", "alembic current",
                         "alembic downgrade base", "alembic upgrade users@head", "alembic current",
                         "alembic upgrade heads", "alembic history -i")}
    yield {"name": "shared_prefix", "about": "Ids that share a 4-character prefix.", "files": project(PREFIX),
           "steps": runs("alembic upgrade abcd", "alembic upgrade abcd1", "alembic show abc", "alembic show abce",
                         "alembic upgrade abce", "alembic downgrade abcd2", "alembic history -r abcd:",
                         "alembic history -r abcd1:abce", "alembic current")}
    yield from divergences()
    yield from batch_examples()
    yield from python_in_revisions()
    yield custom_template()
    yield env_py_runs()
    yield documented_patterns()
    yield autogenerate_hooks()
    yield batch_copy_from()
    yield autogenerate_indexes()
    yield model_evolution()
    yield naming_convention_evolution()
    yield revision_directives()
    yield autogenerate_foreign_keys()
    yield autogenerate_table_options()
    yield autogenerate_reflected_types()
    yield foreign_keys_in_env()
    yield other_dialects_types()
    yield autogenerate_other_dialects()
    yield from real_projects()


def divergences():
    chain = project(CHAIN)
    yield {"name": "offline_logs", "about": "--sql still logs each step; a failure keeps the SQL before it.",
           "files": {**project(CHAIN[:2]), **graph([("5e1ec7ab1e00", "ae1027a6acf0", "bad fk")])},
           "steps": [{"write": "migrations/versions/5e1ec7ab1e00_bad_fk.py",
                      "text": rev_file("5e1ec7ab1e00", "ae1027a6acf0", "bad fk",
                                       upgrade="    op.create_foreign_key('fk_x', 't_ae1027a6acf0', "
                                               "'t_1975ea83b712', ['id'], ['id'])",
                                       downgrade="    pass")}]
           + runs("alembic upgrade 1975ea83b712:ae1027a6acf0 --sql", "alembic upgrade head --sql",
                  "alembic upgrade head", "alembic current", "alembic downgrade ae1027a6acf0:base --sql")}
    yield {"name": "empty_execute", "about": "op.execute of a comment-only or empty statement succeeds.",
           "files": {**project([]), "migrations/versions/c0ffee000001_nothing.py": rev_file(
               "c0ffee000001", None, "nothing", upgrade='    op.execute("-- nothing to do")\n    op.execute("")',
               downgrade='    op.execute("  ")')},
           "steps": runs("alembic upgrade head", "alembic current", "alembic heads", "alembic downgrade base",
                         "alembic upgrade head --sql")}
    yield {"name": "docstring_as_written", "about": "Verbose output and show print the file's own docstring.",
           "files": {**project([]), "migrations/versions/d0c500000001_odd.py": rev_file(
               "d0c500000001", None, "odd docstring", revises="None"),
               "migrations/versions/d0c500000002_two.py":
               '"""second one, written by hand\n\nIt says what it likes here.\n"""\n'
               'from alembic import op\n\nrevision = "d0c500000002"\ndown_revision = "d0c500000001"\n'
               'branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\n'
               'def downgrade():\n    pass\n',
               "migrations/versions/d0c500000003_none.py":
               'from alembic import op\n\nrevision = "d0c500000003"\ndown_revision = "d0c500000002"\n'
               'branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\n'
               'def downgrade():\n    pass\n'},
           "steps": runs("alembic history", "alembic history -v", "alembic show d0c500000001",
                         "alembic show d0c500000002", "alembic show head", "alembic heads -v",
                         "alembic upgrade head", "alembic current -v", "alembic history -i")}
    yield {"name": "autogenerate_fresh_database", "about": "Autogenerate on a new database leaves alembic_version.",
           "steps": CONFIGURED + runs('alembic revision --autogenerate -m "Add User table" --rev-id 3f1a9c2b7d40',
                                      "alembic current", "alembic check", "alembic upgrade head", "alembic check")}
    yield {"name": "failing_online", "about": "A failing online command prints its log lines, then FAILED.",
           "files": chain,
           "steps": runs("alembic upgrade zzzz", "alembic downgrade -1", "alembic upgrade +9",
                         "alembic current", "alembic upgrade 1975ea83b712", "alembic downgrade -3",
                         "alembic stamp zzzz", "alembic revision --autogenerate -m x --rev-id 0a0a0a0a0a0a",
                         "alembic check", "alembic upgrade head", "alembic check")}
    yield {"name": "command_line", "about": "Alembic's argparse command line: help, version, errors.",
           "files": chain,
           "steps": runs("alembic --version", "alembic", "alembic bogus", "alembic upgrade",
                         "alembic upgrade head --nope", "alembic -x tenant=acme heads", "alembic -x", "alembic heads -q",
                         "alembic -q upgrade head", "alembic current", "alembic downgrade base --sql --purge",
                         "alembic history --help", "alembic stamp --help", "alembic --help", "alembic upgrade --help",
                         "alembic init", "alembic revision -m", "alembic list_templates", "alembic edit zzzz",
                         "alembic ensure_version", "alembic current", "alembic -q heads", "alembic -q current",
                         "alembic -q upgrade zzzz", "alembic -q revision -m quiet --rev-id 9a9a00000001",
                         "alembic --raiseerr upgrade zzzz", "alembic -c other.ini heads", "alembic -n nope heads",
                         "alembic --rev-range x heads", "alembic history --rev-range", "alembic upgrade a:b",
                         "alembic downgrade -1 --sql", "alembic stamp head --purge --sql", "alembic history -r nocolon")}
    yield {"name": "raiseerr", "about": "--raiseerr: the traceback instead of FAILED, with the revision "
                                        "error Alembic raised its CommandError from.",
           "files": project(BRANCHED),
           "steps": runs("alembic --raiseerr upgrade zzzz", "alembic --raiseerr history -r zzzz:",
                         "alembic --raiseerr upgrade head", "alembic --raiseerr upgrade 1975ea83b712",
                         "alembic --raiseerr upgrade +7", "alembic --raiseerr downgrade 27c6a30d7c24",
                         "alembic --raiseerr show 1975ea83b712:ae1027a6acf0", "alembic --raiseerr downgrade -1 --sql",
                         "alembic --raiseerr upgrade ae1027a6acf0:1975ea83b712 --sql", "alembic --raiseerr stamp zzzz")}
    yield {"name": "upgrade_to_an_ancestor", "about": "upgrade to a revision already applied (or, with --sql, "
                                                      "behind the start) does nothing.",
           "files": project(BRANCHED),
           "steps": runs("alembic upgrade ae1027a6acf0", "alembic upgrade 1975ea83b712", "alembic current",
                         "alembic upgrade ae1027a6acf0:1975ea83b712 --sql", "alembic upgrade 27c6a30d7c24",
                         "alembic upgrade 27c6a30d7c24:3cd9f1e44b0a --sql", "alembic upgrade base",
                         "alembic upgrade 27c6a30d7c24:ae1027a6acf0 --sql")}
    yield {"name": "before_init", "about": "The alembic command before `alembic init`.",
           "steps": runs("alembic heads", "alembic upgrade head", "alembic current", "alembic history",
                         "alembic revision -m x")}
    yield {"name": "no_database_needed", "about": "Commands that never connect work with the placeholder URL.",
           "steps": [{"run": "alembic init migrations"}]
           + runs("alembic heads", "alembic history", "alembic branches", "alembic revision -m first --rev-id 0f1e2d3c4b5a",
                  "alembic revision -m second --rev-id 1f1e2d3c4b5a", "alembic show head", "alembic history -v",
                  "alembic revision -m side --rev-id 2f1e2d3c4b5a --head 0f1e2d3c4b5a --splice",
                  "alembic merge heads -m join --rev-id 3f1e2d3c4b5a", "alembic heads", "alembic upgrade head --sql",
                  "alembic current", "alembic upgrade head", "alembic revision --autogenerate -m x")}


BATCH_USERS = (
    "    op.create_table('users',\n"
    "    sa.Column('id', sa.Integer(), nullable=False),\n"
    "    sa.Column('name', sa.String(length=50), nullable=False),\n"
    "    sa.Column('old', sa.String(), nullable=True),\n"
    "    sa.PrimaryKeyConstraint('id')\n    )\n"
    "    op.execute(\"INSERT INTO users (id, name, old) VALUES (1, 'ann', 'x'), (2, 'bo', NULL)\")"
)

NAMING = "{'fk': 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s'}"


def batch_examples():
    base = [("ba7c00000001", None, "users", None, None)]
    files = project([])
    files["migrations/versions/ba7c00000001_users.py"] = rev_file(
        "ba7c00000001", None, "users", upgrade=BATCH_USERS, downgrade="    op.drop_table('users')")
    steps = [
        ("ba7c00000002", "alter in batch",
         "    with op.batch_alter_table('users') as batch_op:\n"
         "        batch_op.alter_column('name', existing_type=sa.String(length=50), nullable=True)\n"
         "        batch_op.drop_column('old')\n"
         "        batch_op.add_column(sa.Column('email', sa.String(length=120), nullable=True))",
         "    with op.batch_alter_table('users') as batch_op:\n"
         "        batch_op.drop_column('email')\n"
         "        batch_op.add_column(sa.Column('old', sa.String(), nullable=True))\n"
         "        batch_op.alter_column('name', existing_type=sa.String(length=50), nullable=False)"),
        ("ba7c00000003", "child with fk",
         "    op.create_table('posts',\n"
         "    sa.Column('id', sa.Integer(), nullable=False),\n"
         "    sa.Column('user_id', sa.Integer(), nullable=True),\n"
         "    sa.ForeignKeyConstraint(['user_id'], ['users.id']),\n"
         "    sa.PrimaryKeyConstraint('id')\n    )\n"
         "    op.execute(\"INSERT INTO posts (id, user_id) VALUES (10, 1)\")",
         "    op.drop_table('posts')"),
        ("ba7c00000004", "drop unnamed fk",
         f"    with op.batch_alter_table('posts', naming_convention={NAMING}) as batch_op:\n"
         "        batch_op.drop_constraint('fk_posts_user_id_users', type_='foreignkey')",
         f"    with op.batch_alter_table('posts', naming_convention={NAMING}) as batch_op:\n"
         "        batch_op.create_foreign_key('fk_posts_user_id_users', 'users', ['user_id'], ['id'])"),
        ("ba7c00000005", "named constraints",
         "    with op.batch_alter_table('users') as batch_op:\n"
         "        batch_op.create_unique_constraint('uq_users_name', ['name'])\n"
         "        batch_op.create_check_constraint('ck_users_id', 'id > 0')\n"
         "        batch_op.create_index('ix_users_email', ['email'], unique=False)",
         "    with op.batch_alter_table('users') as batch_op:\n"
         "        batch_op.drop_index('ix_users_email')\n"
         "        batch_op.drop_constraint('ck_users_id', type_='check')\n"
         "        batch_op.drop_constraint('uq_users_name', type_='unique')"),
        ("ba7c00000006", "recreate always",
         "    with op.batch_alter_table('users', recreate='always') as batch_op:\n"
         "        batch_op.alter_column('email', new_column_name='mail', existing_type=sa.String(length=120))",
         "    with op.batch_alter_table('users', recreate='always') as batch_op:\n"
         "        batch_op.alter_column('mail', new_column_name='email', existing_type=sa.String(length=120))"),
    ]
    down = "ba7c00000001"
    for rev, message, up, downgrade in steps:
        slug = message.replace(" ", "_")
        files[f"migrations/versions/{rev}_{slug}.py"] = rev_file(rev, down, message, upgrade=up, downgrade=downgrade)
        down = rev
    yield {"name": "batch_mode", "about": "Batch mode as Alembic's documentation shows it, on SQLite.",
           "files": files,
           "steps": runs("alembic upgrade ba7c00000002", "alembic upgrade ba7c00000003", "alembic upgrade ba7c00000004",
                         "alembic upgrade ba7c00000005", "alembic upgrade head", "alembic downgrade -1",
                         "alembic downgrade -1", "alembic downgrade -1", "alembic downgrade base",
                         "alembic upgrade head --sql")}


ACCOUNTS_UP = """    accounts = op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('balance', sa.Numeric(10, 2), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    for column in ('name', 'balance'):
        op.create_index(op.f(f'ix_accounts_{column}'), 'accounts', [column], unique=False)
    rows = [{'id': n, 'name': name_for(n), 'balance': n * 10.5} for n in range(1, 4)]
    op.bulk_insert(accounts, rows)
    print(f"seeded {len(rows)} accounts")"""

SLUG_UP = """    op.add_column('accounts', sa.Column('slug', sa.String(length=60), nullable=True))
    accounts = sa.table('accounts', sa.column('id', sa.Integer), sa.column('name', sa.String),
                        sa.column('slug', sa.String))
    op.execute(accounts.update().where(accounts.c.id == 2).values(slug='second'))
    conn = op.get_bind()
    found = conn.execute(sa.text("SELECT id, name FROM accounts WHERE slug IS NULL ORDER BY id")).fetchall()
    for id_, name in found:
        conn.execute(sa.text("UPDATE accounts SET slug = :slug WHERE id = :id"),
                     {"slug": name.lower().replace(' ', '-'), "id": id_})
    print("slugs:", [row.slug for row in conn.execute(sa.select(accounts.c.slug).order_by(accounts.c.id))])"""


REFLECTED_UP = """    bind = op.get_bind()
    accounts = sa.Table('accounts', sa.MetaData(), autoload_with=bind)
    print(repr(accounts.c.balance.type), [c.name for c in accounts.c])
    op.execute(accounts.update().where(accounts.c.balance > 20).values(balance=accounts.c.balance * 2))
    for row in bind.execute(sa.select(accounts.c.name, accounts.c.balance).order_by(accounts.c.id)):
        print(row.name, row.balance)"""


def python_in_revisions():
    """Revisions that are Python, as real projects write them: local variables, loops, helper
    functions, data migrations with bulk_insert, Core statements and op.get_bind()."""
    files = project([])
    files["migrations/versions/da7a00000001_accounts.py"] = rev_file(
        "da7a00000001", None, "accounts", upgrade=ACCOUNTS_UP,
        downgrade="    for column in ('balance', 'name'):\n        op.drop_index(op.f(f'ix_accounts_{column}'), table_name='accounts')\n"
                  "    op.drop_table('accounts')").replace(
        "\n\ndef upgrade()", "\n\ndef name_for(n):\n    return f'Account {n}'\n\n\ndef upgrade()")
    files["migrations/versions/da7a00000002_slugs.py"] = rev_file(
        "da7a00000002", "da7a00000001", "slugs", upgrade=SLUG_UP,
        downgrade="    with op.batch_alter_table('accounts') as batch_op:\n        batch_op.drop_column('slug')")
    files["migrations/versions/da7a00000003_broken.py"] = rev_file(
        "da7a00000003", "da7a00000002", "broken",
        upgrade="    op.create_table('audit', sa.Column('id', sa.Integer(), primary_key=True))\n"
                "    op.execute(\"INSERT INTO accounts (id, name) VALUES (9, 'late')\")\n    undefined_helper()",
        downgrade="    op.drop_table('audit')")
    yield {"name": "python_in_revisions", "about": "Revisions that run Python: data migrations, loops, helpers, errors.",
           "files": files,
           "steps": runs("alembic upgrade da7a00000001", "alembic upgrade +1", "alembic current", "alembic upgrade head",
                         "alembic current", "alembic downgrade -1", "alembic downgrade base",
                         "alembic upgrade da7a00000001 --sql", "alembic upgrade da7a00000001:da7a00000002 --sql",
                         "alembic history")}
    reflected = project([])
    reflected["migrations/versions/da7a00000001_accounts.py"] = files["migrations/versions/da7a00000001_accounts.py"]
    reflected["migrations/versions/da7a00000004_reflected.py"] = rev_file(
        "da7a00000004", "da7a00000001", "reflected", upgrade=REFLECTED_UP,
        downgrade="    meta = sa.MetaData()\n    meta.reflect(bind=op.get_bind(), only=['accounts'])\n"
                  "    accounts = meta.tables['accounts']\n"
                  "    op.execute(accounts.update().values(balance=accounts.c.balance / 2))\n"
                  "    print(sorted(meta.tables), [c.name for c in accounts.primary_key])")
    yield {"name": "reflection_in_revisions", "about": "Data migrations that read a table back with autoload_with and MetaData.reflect.",
           "files": reflected,
           "steps": runs("alembic upgrade head", "alembic current", "alembic downgrade -1", "alembic upgrade head --sql")}
    orm = project([])
    for name in ("a1_accounts.py", "b2_status.py", "c3_mixed.py"):
        orm[f"migrations/versions/{name}"] = (HERE / "revisions" / name).read_text()
    yield {"name": "orm_and_rows_in_revisions", "about": "A data migration through an ORM Session on op.get_bind() "
           "(offline: the mock connection's errors); bulk_insert rows naming different columns.",
           "files": orm,
           "steps": runs("alembic upgrade b2", "alembic upgrade head", "alembic current", "alembic downgrade base",
                         "alembic upgrade head --sql", "alembic upgrade b2:head --sql")}
    top = project([])
    top["migrations/versions/70e000000001_top.py"] = rev_file(
        "70e000000001", None, "op at the top", downgrade="    pass") + "\nop.execute('SELECT 1')\n"
    yield {"name": "op_outside_a_migration", "about": "op.* at a revision file's top level: Alembic's proxy refuses.",
           "files": top, "steps": runs("alembic history", "alembic upgrade head")}


TEMPLATE = '''"""${message | trim}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
% if branch_labels:
Branch labels: ${branch_labels | comma,n}
% endif
% if depends_on:
Depends on: ${depends_on | comma,n}
% endif

"""
## A Mako comment: not in the output.
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}
<%text>
# ${not_rendered} stays as written
</%text>
RENDERED_BY = "mako, with a joined \\
line"
% for word in ("upgrade", "downgrade"):
# ${word.upper()}
% endfor


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
'''


def custom_template():
    """An edited script.py.mako: new revision files follow it (expressions, filters, control
    lines, comments, <%text>, a joined line)."""
    return {"name": "custom_template", "about": "New revisions are rendered from the project's own script.py.mako.",
            "whole_files": True,
            "steps": [{"run": "alembic init migrations"}, URL_EDIT,
                      {"write": "migrations/script.py.mako", "text": TEMPLATE}]
            + runs('alembic revision -m "first one  " --rev-id 100000000001',
                   'alembic revision -m "labelled" --rev-id 100000000002 --branch-label feature',
                   'alembic revision -m "depends" --rev-id 100000000003 --head 100000000001 --splice --depends-on 100000000002',
                   'alembic merge -m "join them" heads --rev-id 100000000004',
                   "alembic revision --rev-id 100000000005",
                   "alembic upgrade head", "alembic history")}


def env_py_runs():
    """env.py is Python the learner edits: the ini's logging settings, -x arguments, the config
    object, a removed fileConfig call or logging sections, an error in env.py."""
    files = project(CHAIN[:3])
    env = "migrations/env.py"
    ini = "alembic.ini"
    return {"name": "env_py_runs", "about": "env.py runs as Python: logging from alembic.ini, -x, config, errors.",
            "files": files,
            "steps": runs("alembic upgrade ae1027a6acf0")
            + [{"edit": (ini, "[logger_alembic]\nlevel = INFO", "[logger_alembic]\nlevel = WARN")}]
            + runs("alembic upgrade head", "alembic downgrade -1", "alembic upgrade zzzz")
            + [{"edit": (ini, "[logger_alembic]\nlevel = WARN", "[logger_alembic]\nlevel = INFO")},
               {"edit": (ini, "format = %(levelname)-5.5s [%(name)s] %(message)s", "format = %(name)s: %(message)s")}]
            + runs("alembic downgrade -1")
            + [{"edit": (ini, "format = %(name)s: %(message)s", "format = %(levelname)-5.5s [%(name)s] %(message)s")},
               {"edit": (env, "target_metadata = Base.metadata",
                         "target_metadata = Base.metadata\n"
                         "print('x:', context.get_x_argument(), context.get_x_argument(as_dictionary=True))\n"
                         "print('url:', config.get_main_option('sqlalchemy.url'), config.config_file_name,\n"
                         "      config.config_ini_section, sorted(config.get_section(config.config_ini_section)))\n"
                         "print('offline:', context.is_offline_mode(), config.get_main_option('nope', 'fallback'))")}]
            + runs("alembic -x tenant=acme -x dry current", "alembic current", "alembic upgrade head --sql")
            + [{"edit": (env, "    fileConfig(config.config_file_name)", "    pass  # fileConfig(config.config_file_name)")}]
            + runs("alembic downgrade -1", "alembic current")
            + [{"edit": (env, "    pass  # fileConfig(config.config_file_name)", "    fileConfig(config.config_file_name)")},
               {"edit": (ini, "[formatters]\nkeys = generic\n", "")}]
            + runs("alembic upgrade head", "alembic history")
            + [{"edit": (ini, "[loggers]", "[formatters]\nkeys = generic\n\n[loggers]")},
               {"edit": (env, "target_metadata = Base.metadata\n", "target_metadata = Base.metadata\nraise ValueError('boom')\n")}]
            + runs("alembic upgrade head", "alembic heads", "alembic check")
            + [{"edit": (env, "raise ValueError('boom')\n", "")},
               {"edit": (env, "        with context.begin_transaction():\n            context.run_migrations()\n\n\nif",
                         "        print('not running the migrations')\n\n\nif")}]
            + runs("alembic upgrade head", "alembic current")}


def documented_patterns():
    """Revision files written the way Alembic's tutorial and operation reference show them, and
    the way Flask-Migrate projects' generated files look (our own text, their forms): explicit
    tables, imports from sqlalchemy.sql, bulk_insert with dates, inline_literal, batch blocks with
    op.f() index names, an association table."""
    files = project([])
    files["migrations/versions/1a1a00000001_create_account_table.py"] = (
        '"""create account table\n\nRevision ID: 1a1a00000001\nRevises:\nCreate Date: 2026-11-30 10:00:00\n\n"""\n'
        "from datetime import date\n\nfrom alembic import op\nimport sqlalchemy as sa\n"
        "from sqlalchemy.sql import table, column\nfrom sqlalchemy import String, Integer, Date\n\n"
        "# revision identifiers, used by Alembic.\nrevision = '1a1a00000001'\ndown_revision = None\n"
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade():\n    op.create_table(\n        'account',\n        sa.Column('id', sa.Integer, primary_key=True),\n"
        "        sa.Column('name', sa.String(50), nullable=False),\n        sa.Column('description', sa.Unicode(200)),\n"
        "        sa.Column('create_date', sa.Date),\n    )\n"
        "    accounts = table('account', column('id', Integer), column('name', String), column('create_date', Date))\n"
        "    op.bulk_insert(accounts, [\n        {'id': 1, 'name': 'account 1', 'create_date': date(2010, 10, 5)},\n"
        "        {'id': 2, 'name': 'account 2', 'create_date': date(2007, 5, 27)},\n"
        "        {'id': 3, 'name': 'account 3', 'create_date': date(2008, 8, 15)},\n    ])\n\n\n"
        "def downgrade():\n    op.drop_table('account')\n")
    files["migrations/versions/1a1a00000002_add_a_column.py"] = (
        '"""Add a column\n\nRevision ID: 1a1a00000002\nRevises: 1a1a00000001\nCreate Date: 2026-11-30 10:01:00\n\n"""\n'
        "from alembic import op\nimport sqlalchemy as sa\nfrom sqlalchemy.sql import table, column\nfrom sqlalchemy import String\n\n"
        "revision = '1a1a00000002'\ndown_revision = '1a1a00000001'\nbranch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade():\n    op.add_column('account', sa.Column('last_transaction_date', sa.DateTime))\n"
        "    account = table('account', column('name', String))\n    op.execute(\n"
        "        account.update().where(account.c.name == op.inline_literal('account 1')).\n"
        "        values({'name': op.inline_literal('account one')})\n    )\n"
        "    op.execute(\"UPDATE account SET description = 'the first' WHERE id = 1\")\n\n\n"
        "def downgrade():\n    op.drop_column('account', 'last_transaction_date')\n")
    files["migrations/versions/2b2b00000003_users_and_posts.py"] = (
        '"""users and posts\n\nRevision ID: 2b2b00000003\nRevises: 1a1a00000002\nCreate Date: 2026-11-30 10:02:00\n\n"""\n'
        "from alembic import op\nimport sqlalchemy as sa\n\n\n"
        "# revision identifiers, used by Alembic.\nrevision = '2b2b00000003'\ndown_revision = '1a1a00000002'\n"
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade():\n    # ### commands auto generated by Alembic - please adjust! ###\n"
        "    op.create_table('user',\n    sa.Column('id', sa.Integer(), nullable=False),\n"
        "    sa.Column('username', sa.String(length=64), nullable=False),\n"
        "    sa.Column('email', sa.String(length=120), nullable=False),\n"
        "    sa.Column('password_hash', sa.String(length=256), nullable=True),\n"
        "    sa.PrimaryKeyConstraint('id')\n    )\n"
        "    with op.batch_alter_table('user', schema=None) as batch_op:\n"
        "        batch_op.create_index(batch_op.f('ix_user_email'), ['email'], unique=True)\n"
        "        batch_op.create_index(batch_op.f('ix_user_username'), ['username'], unique=True)\n\n"
        "    op.create_table('post',\n    sa.Column('id', sa.Integer(), nullable=False),\n"
        "    sa.Column('body', sa.String(length=140), nullable=False),\n"
        "    sa.Column('timestamp', sa.DateTime(), nullable=False),\n"
        "    sa.Column('user_id', sa.Integer(), nullable=False),\n"
        "    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),\n    sa.PrimaryKeyConstraint('id')\n    )\n"
        "    with op.batch_alter_table('post', schema=None) as batch_op:\n"
        "        batch_op.create_index(batch_op.f('ix_post_timestamp'), ['timestamp'], unique=False)\n"
        "        batch_op.create_index(batch_op.f('ix_post_user_id'), ['user_id'], unique=False)\n\n"
        "    # ### end Alembic commands ###\n\n\n"
        "def downgrade():\n    # ### commands auto generated by Alembic - please adjust! ###\n"
        "    with op.batch_alter_table('post', schema=None) as batch_op:\n"
        "        batch_op.drop_index(batch_op.f('ix_post_user_id'))\n"
        "        batch_op.drop_index(batch_op.f('ix_post_timestamp'))\n\n"
        "    op.drop_table('post')\n"
        "    with op.batch_alter_table('user', schema=None) as batch_op:\n"
        "        batch_op.drop_index(batch_op.f('ix_user_username'))\n"
        "        batch_op.drop_index(batch_op.f('ix_user_email'))\n\n"
        "    op.drop_table('user')\n    # ### end Alembic commands ###\n")
    files["migrations/versions/2b2b00000004_followers.py"] = (
        '"""followers\n\nRevision ID: 2b2b00000004\nRevises: 2b2b00000003\nCreate Date: 2026-11-30 10:03:00\n\n"""\n'
        "from alembic import op\nimport sqlalchemy as sa\n\n\n"
        "revision = '2b2b00000004'\ndown_revision = '2b2b00000003'\nbranch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade():\n    op.create_table('followers',\n"
        "    sa.Column('follower_id', sa.Integer(), nullable=False),\n"
        "    sa.Column('followed_id', sa.Integer(), nullable=False),\n"
        "    sa.ForeignKeyConstraint(['followed_id'], ['user.id'], ),\n"
        "    sa.ForeignKeyConstraint(['follower_id'], ['user.id'], ),\n"
        "    sa.PrimaryKeyConstraint('follower_id', 'followed_id')\n    )\n"
        "    with op.batch_alter_table('user', schema=None) as batch_op:\n"
        "        batch_op.add_column(sa.Column('about_me', sa.String(length=140), nullable=True))\n"
        "        batch_op.add_column(sa.Column('last_seen', sa.DateTime(), nullable=True))\n\n\n"
        "def downgrade():\n    with op.batch_alter_table('user', schema=None) as batch_op:\n"
        "        batch_op.drop_column('last_seen')\n        batch_op.drop_column('about_me')\n\n"
        "    op.drop_table('followers')\n")
    return {"name": "documented_patterns", "about": "Revisions in the forms Alembic's docs and Flask-Migrate projects use.",
            "files": files,
            "steps": runs("alembic history", "alembic upgrade head", "alembic current", "alembic downgrade 1a1a00000002",
                          "alembic downgrade base", "alembic upgrade head --sql", "alembic upgrade head",
                          "alembic downgrade 2b2b00000004:1a1a00000001 --sql")}


def autogenerate_hooks():
    """env.py's autogenerate hooks: compare_type (default, False, a callable), include_object,
    include_name — and what SQLite's reflection lets a type comparison see."""
    env = "migrations/env.py"
    model = "src/models/user.py"
    online = "        context.configure(connection=connection, target_metadata=target_metadata)"
    legacy = rev_file("b1b100000002", "a1a100000001", "legacy table",
                      upgrade="    op.create_table('legacy', sa.Column('id', sa.Integer(), primary_key=True))",
                      downgrade="    op.drop_table('legacy')")
    return {"name": "autogenerate_hooks", "about": "compare_type, include_object and include_name from env.py.",
            "steps": CONFIGURED
            + runs('alembic revision --autogenerate -m "users" --rev-id a1a100000001', "alembic upgrade head")
            + [{"write": "migrations/versions/b1b100000002_legacy_table.py", "text": legacy}]
            + runs("alembic upgrade head", "alembic check")
            + [{"edit": (model, "from sqlalchemy import Integer, String", "from sqlalchemy import Integer, String, Text")},
               {"edit": (model, "mapped_column(String)", "mapped_column(Text)")}]
            + runs("alembic check")
            + [{"edit": (model, "mapped_column(Text)", "mapped_column(String(50))")}]
            + runs("alembic check")
            + [{"edit": (model, "mapped_column(String(50))", "mapped_column(Text)")},
               {"edit": (env, online, "        context.configure(connection=connection, target_metadata=target_metadata,\n"
                                       "                          compare_type=False)")}]
            + runs("alembic check")
            + [{"edit": (env, "compare_type=False)",
                         "compare_type=my_compare_type)")},
               {"edit": (env, "def run_migrations_offline()",
                         "def my_compare_type(context, inspected_column, metadata_column, inspected_type, metadata_type):\n"
                         "    print('compare_type', type(context).__name__, inspected_column.name, metadata_column.name)\n"
                         "    return False if metadata_column.name == 'name' else None\n\n\n"
                         "def include_object(object, name, type_, reflected, compare_to):\n"
                         "    print('include_object', type_, name, reflected, compare_to is not None)\n"
                         "    return not (type_ == 'table' and name == 'legacy')\n\n\n"
                         "def include_name(name, type_, parent_names):\n"
                         "    print('include_name', type_, name, parent_names.get('table_name'))\n"
                         "    return True\n\n\n"
                         "def run_migrations_offline()")}]
            + runs("alembic check")
            + [{"edit": (env, "compare_type=my_compare_type)", "compare_type=my_compare_type,\n"
                                                                 "                          include_object=include_object)")}]
            + runs("alembic check", 'alembic revision --autogenerate -m "nothing" --rev-id c1c100000003',
                   "alembic upgrade head")
            + [{"edit": (env, "include_object=include_object)", "include_name=include_name)")}]
            + runs("alembic check")}


def batch_copy_from():
    """batch_alter_table with copy_from= (what makes batch mode work under --sql) and
    table_args= (constraints the rebuilt table gets)."""
    files = project([])
    files["migrations/versions/ba7c00000001_users.py"] = rev_file(
        "ba7c00000001", None, "users", upgrade=BATCH_USERS, downgrade="    op.drop_table('users')")
    users = ("    users = sa.Table('users', sa.MetaData(),\n"
             "        sa.Column('id', sa.Integer(), primary_key=True),\n"
             "        sa.Column('name', sa.String(length=50), nullable=False),\n"
             "        sa.Column('old', sa.String(), nullable=True))\n")
    files["migrations/versions/ba7c00000002_copy_from.py"] = rev_file(
        "ba7c00000002", "ba7c00000001", "copy from",
        upgrade=users + "    with op.batch_alter_table('users', copy_from=users,\n"
                        "            table_args=(sa.CheckConstraint('length(name) > 1', name='ck_users_name'),)) as batch_op:\n"
                        "        batch_op.drop_column('old')",
        downgrade="    with op.batch_alter_table('users') as batch_op:\n"
                  "        batch_op.add_column(sa.Column('old', sa.String(), nullable=True))")
    return {"name": "batch_copy_from", "about": "batch_alter_table(copy_from=, table_args=), online and with --sql.",
            "files": files,
            "steps": runs("alembic upgrade ba7c00000001:head --sql", "alembic upgrade head", "alembic downgrade -1",
                          "alembic upgrade head")}


def autogenerate_indexes():
    """Autogenerate's index and unique constraint changes, with include_object asked about them:
    a removed table's indexes, a removed and an added index, an added unique constraint."""
    model = "src/models/user.py"
    first = ('revision = "aaa000000001"\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n'
             "from alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n"
             "    op.create_table('users', sa.Column('id', sa.Integer, primary_key=True),\n"
             "                    sa.Column('name', sa.String, nullable=False), sa.Column('old', sa.String))\n"
             "    op.create_index('ix_users_old', 'users', ['old'])\n"
             "    op.create_table('gone', sa.Column('id', sa.Integer, primary_key=True), sa.Column('x', sa.Integer, index=True))\n\n\n"
             "def downgrade():\n    op.drop_table('gone')\n    op.drop_table('users')\n")
    hook = ("\n\ndef include_object(object, name, type_, reflected, compare_to):\n"
            "    print('include_object', type_, name, reflected, compare_to is not None)\n"
            "    return True\n")
    return {"name": "autogenerate_indexes", "about": "Index and unique constraint changes through autogenerate and include_object.",
            "steps": CONFIGURED
            + [{"write": "migrations/versions/aaa000000001_first.py", "text": first}]
            + runs("alembic upgrade head", "alembic check")
            + [{"edit": (model, "mapped_column(String)", "mapped_column(String, index=True)\n"
                                "    __table_args__ = (UniqueConstraint('name', name='uq_users_name'),)")},
               {"edit": (model, "from sqlalchemy import Integer, String", "from sqlalchemy import Integer, String, UniqueConstraint")},
               {"edit": ("migrations/env.py", "target_metadata = Base.metadata", "target_metadata = Base.metadata" + hook)},
               {"edit": ("migrations/env.py", "        context.configure(connection=connection, target_metadata=target_metadata)",
                         "        context.configure(connection=connection, target_metadata=target_metadata,\n"
                         "                          include_object=include_object)")}]
            + runs("alembic check", 'alembic revision --autogenerate -m "indexes" --rev-id bbb000000002')}


def model_evolution():
    """A model grows as a learner's does, each step autogenerated and applied: a table with a
    foreign key, an Enum and a server default, nullable and type changes (compare_type), an index,
    a dropped column through batch mode (render_as_batch); then stamp, merge and show."""
    model = "src/models/user.py"
    env = "migrations/env.py"
    online = "        context.configure(connection=connection, target_metadata=target_metadata)"
    post = ("\n\nclass Post(Base):\n    __tablename__ = 'posts'\n"
            "    id: Mapped[int] = mapped_column(primary_key=True)\n"
            "    title: Mapped[str] = mapped_column(String(80))\n"
            "    state: Mapped[str] = mapped_column(Enum('draft', 'live', name='post_state'), server_default='draft')\n"
            "    user_id: Mapped[int] = mapped_column(ForeignKey('users.id', ondelete='CASCADE'), index=True)\n")
    return {"name": "model_evolution", "about": "A model evolving through five autogenerated revisions, applied and taken back.",
            "steps": CONFIGURED
            + [{"edit": (env, online, "        context.configure(connection=connection, target_metadata=target_metadata,\n"
                                      "                          compare_type=True, render_as_batch=True)")}]
            + runs('alembic revision --autogenerate -m "users" --rev-id e00000000001', "alembic upgrade head")
            + [{"edit": (model, "from sqlalchemy import Integer, String", "from sqlalchemy import Enum, ForeignKey, Integer, String")},
               {"edit": (model, '        return f"<User(name={self.name})>"', '        return f"<User(name={self.name})>"' + post)}]
            + runs('alembic revision --autogenerate -m "posts" --rev-id e00000000002', "alembic upgrade head",
                   "alembic current -v")
            + [{"edit": (model, "    name: Mapped[str] = mapped_column(String)",
                         "    name: Mapped[str] = mapped_column(String(100), nullable=False)\n"
                         "    email: Mapped[str | None] = mapped_column(String(120), unique=True)\n"
                         "    karma: Mapped[int] = mapped_column(Integer, server_default='0')")}]
            + runs('alembic revision --autogenerate -m "user details" --rev-id e00000000003', "alembic upgrade head")
            + [{"edit": (model, "    karma: Mapped[int] = mapped_column(Integer, server_default='0')", "")},
               {"edit": (model, "    title: Mapped[str] = mapped_column(String(80))", "    title: Mapped[str] = mapped_column(Text)")},
               {"edit": (model, "from sqlalchemy import Enum, ForeignKey, Integer, String", "from sqlalchemy import Enum, ForeignKey, Integer, String, Text")}]
            + runs('alembic revision --autogenerate -m "drop karma" --rev-id e00000000004', "alembic upgrade head",
                   "alembic check", "alembic downgrade e00000000002", "alembic upgrade head --sql",
                   "alembic stamp e00000000003", "alembic current", "alembic stamp head",
                   'alembic revision -m "side" --head e00000000002 --rev-id e00000000005', "alembic heads",
                   'alembic merge -m "join" heads --rev-id e00000000006', "alembic upgrade heads", "alembic history -r e00000000002:",
                   "alembic show e00000000006", "alembic downgrade base", "alembic stamp heads")
            + [{"edit": (model, post.replace("mapped_column(String(80))", "mapped_column(Text)"), "")}]
            + runs('alembic revision --autogenerate -m "no posts" --rev-id e00000000007')}


def naming_convention_evolution():
    """The fix Alembic's warning points to: a naming convention on the models' MetaData, so that
    autogenerate names every constraint (op.f) and batch mode can add and drop them; a foreign
    key added to an existing table, a column made NOT NULL, a unique constraint, all in batches."""
    model = "src/models/user.py"
    base = "src/models/base.py"
    env = "migrations/env.py"
    online = "        context.configure(connection=connection, target_metadata=target_metadata)"
    convention = ('from sqlalchemy import MetaData\nfrom sqlalchemy.orm import DeclarativeBase\n\n\n'
                  'class Base(DeclarativeBase):\n    metadata = MetaData(naming_convention={\n'
                  '        "ix": "ix_%(column_0_label)s",\n        "uq": "uq_%(table_name)s_%(column_0_name)s",\n'
                  '        "ck": "ck_%(table_name)s_%(constraint_name)s",\n'
                  '        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",\n'
                  '        "pk": "pk_%(table_name)s",\n    })\n')
    team = ("\n\nclass Team(Base):\n    __tablename__ = 'teams'\n"
            "    id: Mapped[int] = mapped_column(primary_key=True)\n"
            "    label: Mapped[str] = mapped_column(String(40), unique=True)\n")
    return {"name": "naming_convention_evolution", "about": "A naming convention makes autogenerate's constraints named, so batches work.",
            "steps": CONFIGURED
            + [{"write": base, "text": convention},
               {"edit": (env, online, "        context.configure(connection=connection, target_metadata=target_metadata,\n"
                                      "                          render_as_batch=True)")}]
            + runs('alembic revision --autogenerate -m "users" --rev-id f00000000001', "alembic upgrade head")
            + [{"edit": (model, "from sqlalchemy import Integer, String", "from sqlalchemy import ForeignKey, Integer, String")},
               {"edit": (model, "    name: Mapped[str] = mapped_column(String)",
                         "    name: Mapped[str] = mapped_column(String)\n"
                         "    email: Mapped[str | None] = mapped_column(String(120), unique=True)\n"
                         "    team_id: Mapped[int | None] = mapped_column(ForeignKey('teams.id'))")},
               {"edit": (model, '        return f"<User(name={self.name})>"', '        return f"<User(name={self.name})>"' + team)}]
            + runs('alembic revision --autogenerate -m "teams" --rev-id f00000000002', "alembic upgrade head",
                   "alembic downgrade -1", "alembic upgrade head")
            + [{"edit": (model, "    team_id: Mapped[int | None] = mapped_column(ForeignKey('teams.id'))",
                         "    team_id: Mapped[int] = mapped_column(ForeignKey('teams.id'))")}]
            + runs('alembic revision --autogenerate -m "team required" --rev-id f00000000003', "alembic upgrade head",
                   "alembic downgrade base", "alembic upgrade head --sql")}


def revision_directives():
    """env.py's process_revision_directives, as real projects write it: Flask-Migrate's "no empty
    revision" check, and a hook that renames and renumbers the revision autogenerate made."""
    env = "migrations/env.py"
    online = "        context.configure(connection=connection, target_metadata=target_metadata)"
    hook = ("def process_revision_directives(context, revision, directives):\n"
            "    script = directives[0]\n"
            "    print('context', type(context).__name__, context.config.config_file_name,\n"
            "          context.opts['target_metadata'] is target_metadata)\n"
            "    print('directives', len(directives), type(script).__name__, revision, repr(script.message),\n"
            "          script.head, script.splice, script.branch_label, script.version_path, script.depends_on,\n"
            "          script.upgrade_ops.is_empty(), script.downgrade_ops.is_empty(), len(script.upgrade_ops_list),\n"
            "          getattr(config.cmd_opts, 'autogenerate', False), config.cmd_opts.message)\n"
            "    if getattr(config.cmd_opts, 'autogenerate', False) and script.upgrade_ops.is_empty():\n"
            "        directives[:] = []\n"
            "        print('No changes in schema detected.')\n"
            "        return\n"
            "    script.rev_id = 'prd' + str(len(script.upgrade_ops.ops)) + 'x' * 8\n"
            "    script.message = script.message.upper()\n\n\n"
            "def run_migrations_offline()")
    return {"name": "revision_directives", "about": "process_revision_directives: an emptied list writes no file; "
                                                    "a changed rev_id and message are the file's.",
            "steps": CONFIGURED
            + [{"edit": (env, "def run_migrations_offline()", hook)},
               {"edit": (env, online, "        context.configure(connection=connection, target_metadata=target_metadata,\n"
                                      "                          process_revision_directives=process_revision_directives)")}]
            + runs('alembic revision --autogenerate -m "add users"', "alembic upgrade head",
                   'alembic revision --autogenerate -m "nothing new"', 'alembic revision -m "by hand" --rev-id byhand000001',
                   "alembic history")}


def autogenerate_foreign_keys():
    """Foreign keys through autogenerate with include_object and include_name asked about them:
    one added by the models, one named and one unnamed only in the database."""
    first = ('revision = "fk0000000001"\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n'
             "from alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n"
             "    op.create_table('users', sa.Column('id', sa.Integer, primary_key=True),\n"
             "                    sa.Column('name', sa.String, nullable=False))\n"
             "    op.create_table('posts', sa.Column('id', sa.Integer, primary_key=True),\n"
             "                    sa.Column('user_id', sa.Integer, nullable=False),\n"
             "                    sa.Column('editor_id', sa.Integer),\n"
             "                    sa.Column('owner_id', sa.Integer),\n"
             "                    sa.ForeignKeyConstraint(['editor_id'], ['users.id'], name='fk_posts_editor'),\n"
             "                    sa.ForeignKeyConstraint(['owner_id'], ['users.id']))\n\n\n"
             "def downgrade():\n    op.drop_table('posts')\n    op.drop_table('users')\n")
    post = ("from sqlalchemy import ForeignKey, Integer\n"
            "from sqlalchemy.orm import Mapped, mapped_column\n\n"
            "from src.models.base import Base\n\n\n"
            "class Post(Base):\n"
            "    __tablename__ = 'posts'\n\n"
            "    id: Mapped[int] = mapped_column(primary_key=True)\n"
            "    user_id: Mapped[int] = mapped_column(ForeignKey('users.id'))\n"
            "    editor_id: Mapped[int | None] = mapped_column(Integer)\n"
            "    owner_id: Mapped[int | None] = mapped_column(Integer)\n")
    hook = ("\n\n\ndef include_object(object, name, type_, reflected, compare_to):\n"
            "    if type_ == 'foreign_key_constraint':\n"
            "        print('include_object', type_, name, reflected, compare_to is not None,\n"
            "              [e.target_fullname for e in object.elements])\n"
            "    return True\n\n\n"
            "def include_name(name, type_, parent_names):\n"
            "    if type_ == 'foreign_key_constraint':\n"
            "        print('include_name', type_, name, parent_names.get('table_name'))\n"
            "    return True\n")
    return {"name": "autogenerate_foreign_keys", "about": "Added and removed foreign keys, with include_object and include_name.",
            "steps": CONFIGURED
            + [{"write": "migrations/versions/fk0000000001_first.py", "text": first},
               {"write": "src/models/post.py", "text": post},
               import_model("post")]
            + runs("alembic upgrade head", "alembic check")
            + [{"edit": ("migrations/env.py", "target_metadata = Base.metadata", "target_metadata = Base.metadata" + hook)},
               {"edit": ("migrations/env.py", "        context.configure(connection=connection, target_metadata=target_metadata)",
                         "        context.configure(connection=connection, target_metadata=target_metadata,\n"
                         "                          include_object=include_object, include_name=include_name)")}]
            + runs("alembic check", 'alembic revision --autogenerate -m "fks" --rev-id fk0000000002')}


def autogenerate_table_options():
    """A model's __table_args__ options dict: sqlite_autoincrement reaches the revision file and
    the table Alembic creates."""
    tag = ("from sqlalchemy.orm import Mapped, mapped_column\n\n"
           "from src.models.base import Base\n\n\n"
           "class Tag(Base):\n"
           "    __tablename__ = 'tags'\n"
           "    __table_args__ = {'sqlite_autoincrement': True}\n\n"
           "    id: Mapped[int] = mapped_column(primary_key=True)\n"
           "    name: Mapped[str]\n")
    return {"name": "autogenerate_table_options", "about": "sqlite_autoincrement from a model to the database.",
            "steps": CONFIGURED
            + [{"write": "src/models/tag.py", "text": tag},
               import_model("tag")]
            + runs('alembic revision --autogenerate -m "tags" --rev-id 7a9000000001', "alembic upgrade head",
                   "alembic upgrade head --sql", "alembic downgrade base")}


def autogenerate_reflected_types():
    """Columns of every common type, then made NOT NULL: Alembic names each existing type as SQLite
    reports it (sa.DATETIME(), sa.NUMERIC(precision=10, scale=2) …) in the alter_column it writes."""
    def event(nullable):
        flag = "" if nullable else "nullable=False"
        def col(name, annotation, type_):
            args = ", ".join(a for a in (type_, flag) if a)
            return f"    {name}: Mapped[{annotation}] = mapped_column({args})\n"
        return ("import datetime\nimport decimal\n\n"
                "from sqlalchemy import (BigInteger, Boolean, Date, DateTime, Double, Float, LargeBinary, Numeric,\n"
                "                        SmallInteger, String, Text, Time)\n"
                "from sqlalchemy.orm import Mapped, mapped_column\n\n"
                "from src.models.base import Base\n\n\n"
                "class Event(Base):\n"
                "    __tablename__ = 'events'\n\n"
                "    id: Mapped[int] = mapped_column(primary_key=True)\n"
                + col("starts", "Optional[datetime.datetime]" if nullable else "datetime.datetime", "DateTime")
                + col("day", "Optional[datetime.date]" if nullable else "datetime.date", "Date")
                + col("at", "Optional[datetime.time]" if nullable else "datetime.time", "Time")
                + col("public", "Optional[bool]" if nullable else "bool", "Boolean")
                + col("score", "Optional[float]" if nullable else "float", "Float")
                + col("ratio", "Optional[float]" if nullable else "float", "Double")
                + col("price", "Optional[decimal.Decimal]" if nullable else "decimal.Decimal", "Numeric(10, 2)")
                + col("blob", "Optional[bytes]" if nullable else "bytes", "LargeBinary")
                + col("big", "Optional[int]" if nullable else "int", "BigInteger")
                + col("small", "Optional[int]" if nullable else "int", "SmallInteger")
                + col("notes", "Optional[str]" if nullable else "str", "Text")
                + col("title", "Optional[str]" if nullable else "str", "String(40)")).replace(
                    "import datetime\n", "import datetime\n" + ("from typing import Optional\n" if nullable else ""), 1)
    return {"name": "autogenerate_reflected_types", "about": "Each common type as SQLite reflects it, in alter_column.",
            "steps": CONFIGURED
            + [{"write": "src/models/event.py", "text": event(True)},
               import_model("event")]
            + runs('alembic revision --autogenerate -m "events" --rev-id 7e0000000001', "alembic upgrade head")
            + [{"write": "src/models/event.py", "text": event(False)}]
            + runs('alembic revision --autogenerate -m "required" --rev-id 7e0000000002',
                   "alembic upgrade 7e0000000001:7e0000000002 --sql", "alembic downgrade 7e0000000002:7e0000000001 --sql")}


FK_LISTENER = """from alembic import context
from sqlalchemy import event
from sqlalchemy.engine import Engine


@event.listens_for(Engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
"""


def foreign_keys_in_env():
    """env.py turns foreign keys on for every connection (the listener SQLite tutorials add): the
    migrations then run with them enforced — a batch rebuild of a table other rows point at fails
    at its DROP TABLE, and a revision inserting an orphan row fails — until the listener goes."""
    files = project([])
    files["migrations/versions/f00c00000001_users.py"] = rev_file(
        "f00c00000001", None, "users", upgrade=BATCH_USERS, downgrade="    op.drop_table('users')")
    files["migrations/versions/f00c00000002_posts.py"] = rev_file(
        "f00c00000002", "f00c00000001", "posts",
        upgrade="    op.create_table('posts',\n"
                "    sa.Column('id', sa.Integer(), nullable=False),\n"
                "    sa.Column('user_id', sa.Integer(), nullable=True),\n"
                "    sa.ForeignKeyConstraint(['user_id'], ['users.id']),\n"
                "    sa.PrimaryKeyConstraint('id')\n    )\n"
                "    op.execute(\"INSERT INTO posts (id, user_id) VALUES (10, 1)\")",
        downgrade="    op.drop_table('posts')")
    files["migrations/versions/f00c00000003_orphan.py"] = rev_file(
        "f00c00000003", "f00c00000002", "orphan",
        upgrade="    op.execute(\"INSERT INTO posts (id, user_id) VALUES (11, 99)\")",
        downgrade="    op.execute(\"DELETE FROM posts WHERE id = 11\")")
    files["migrations/versions/f00c00000004_rebuild_users.py"] = rev_file(
        "f00c00000004", "f00c00000003", "rebuild users",
        upgrade="    with op.batch_alter_table('users', recreate='always') as batch_op:\n"
                "        batch_op.alter_column('old', new_column_name='legacy', existing_type=sa.String())",
        downgrade="    with op.batch_alter_table('users', recreate='always') as batch_op:\n"
                  "        batch_op.alter_column('legacy', new_column_name='old', existing_type=sa.String())")
    listener_on = {"edit": ("migrations/env.py", "from alembic import context\n", FK_LISTENER)}
    listener_off = {"edit": ("migrations/env.py", FK_LISTENER, "from alembic import context\n")}
    return {"name": "foreign_keys_in_env", "about": foreign_keys_in_env.__doc__, "files": files,
            "steps": [listener_on] + runs("alembic upgrade f00c00000002", "alembic upgrade f00c00000003",
                                          "alembic current", "alembic upgrade f00c00000004 --sql")
            + [listener_off] + runs("alembic upgrade f00c00000003", "alembic current")
            + [listener_on] + runs("alembic upgrade head", "alembic current")
            + [listener_off] + runs("alembic upgrade head", "alembic current", "alembic downgrade base")}


def unpack(project, source, target):
    """Puts a public project's files in place, from its wheel (tests/oracle/real_projects.txt)."""
    return {"unpack": project, "from": source, "to": target}


def sql_lines(*statements):
    """Python lines that run SQL on the project's database, as a learner would in the console,
    each committed (the recorder reads the database file from outside the transaction)."""
    return runs("from sqlalchemy import create_engine, text",
                'engine = create_engine("sqlite:///sqlite.db")',
                "conn = engine.connect()",
                *[f"_ = conn.execute(text({s!r})); conn.commit()" for s in statements],
                "conn.close()")


def real_projects():
    """Public projects' own migration folders, run as their users run them: the lab's `alembic
    init` project (its env.py, sqlite.db) with the project's revision files, data between steps,
    upgrade, downgrade, history and --sql. A revision that imports the project's own package gets
    a small stand-in module giving the names it uses (the package itself needs a web framework)."""
    init = [{"run": "alembic init migrations"}, URL_EDIT]
    read_only = ["alembic heads", "alembic history", "alembic current"]
    yield {"name": "real_ihatemoney",
           "about": "ihatemoney 7.2.1 (a Flask app, Flask-Migrate): 13 revisions with batch mode, "
                    "data migrations, an Enum built from a Python enum, and a decorator that skips SQLite.",
           "steps": init
           + [unpack("ihatemoney", "ihatemoney/migrations/versions", "migrations/versions"),
              unpack("ihatemoney", "ihatemoney/migrations/utils.py", "ihatemoney/migrations/utils.py"),
              {"write": "ihatemoney/models.py",
               "text": "from enum import Enum\n\n\nclass BillType(Enum):\n"
                       "    EXPENSE = \"Expense\"\n    REIMBURSEMENT = \"Reimbursement\"\n"},
              {"write": "ihatemoney/currency_convertor.py",
               "text": "class CurrencyConverter:\n    no_currency = \"XXX\"\n"},
              {"write": "werkzeug/security.py",
               "text": "def generate_password_hash(password):\n    return \"hashed:\" + password[::-1]\n"}]
           + runs(*read_only, "alembic upgrade head --sql", "alembic upgrade 26d6a218c329")
           + sql_lines("INSERT INTO project (id, name, password, contact_email) "
                       "VALUES ('trip', 'Trip', 'secret', 'ann@example.com')",
                       "INSERT INTO person (id, project_id, name, activated, weight) "
                       "VALUES (1, 'trip', 'ann', 1, NULL), (2, 'trip', 'bo', 1, -2), (3, 'trip', 'cy', 0, 2)",
                       "INSERT INTO bill (id, payer_id, amount, date, what) "
                       "VALUES (1, 1, 12.5, '2026-01-02', 'lunch')",
                       "INSERT INTO billowers (bill_id, person_id) VALUES (1, 1), (1, 2)")
           + runs("alembic upgrade head", *read_only, "alembic history -r 26d6a218c329:cb038f79982e",
                  "alembic downgrade cb038f79982e", "alembic downgrade base", "alembic current")}
    yield {"name": "real_nbgrader",
           "about": "nbgrader 0.9.6 (a Jupyter extension): 6 revisions over a database its models "
                    "created first; a data migration moving cells, batch mode, and a downgrade that "
                    "calls batch_op.drop_column with one argument too many.",
           "steps": init
           + [unpack("nbgrader", "nbgrader/alembic/versions", "migrations/versions"),
              {"write": "nbgrader/api.py", "text": "class Course:\n    pass\n\n\nclass Base:\n    pass\n"}]
           + runs(*read_only, "alembic upgrade head --sql")
           + sql_lines("CREATE TABLE assignment (id VARCHAR(32) NOT NULL, name VARCHAR(128) NOT NULL, "
                       "duedate DATETIME, PRIMARY KEY (id), UNIQUE (name))",
                       "CREATE TABLE notebook (id VARCHAR(32) NOT NULL, name VARCHAR(128) NOT NULL, "
                       "assignment_id VARCHAR(32), PRIMARY KEY (id), FOREIGN KEY(assignment_id) REFERENCES assignment (id))",
                       "CREATE TABLE student (id VARCHAR(128) NOT NULL, first_name VARCHAR(128), "
                       "last_name VARCHAR(128), email VARCHAR(128), PRIMARY KEY (id))",
                       "CREATE TABLE grade_cell (id VARCHAR(32) NOT NULL, name VARCHAR(128) NOT NULL, "
                       "max_score FLOAT NOT NULL, cell_type VARCHAR(8) NOT NULL, notebook_id VARCHAR(32), "
                       "PRIMARY KEY (id), FOREIGN KEY(notebook_id) REFERENCES notebook (id))",
                       "CREATE TABLE solution_cell (id VARCHAR(32) NOT NULL, name VARCHAR(128) NOT NULL, "
                       "max_score FLOAT NOT NULL, cell_type VARCHAR(8) NOT NULL, notebook_id VARCHAR(32), "
                       "PRIMARY KEY (id), FOREIGN KEY(notebook_id) REFERENCES notebook (id))",
                       "CREATE TABLE grade (id VARCHAR(32) NOT NULL, auto_score FLOAT, manual_score FLOAT, "
                       "cell_id VARCHAR(32), PRIMARY KEY (id), FOREIGN KEY(cell_id) REFERENCES grade_cell (id))",
                       "INSERT INTO notebook (id, name) VALUES ('nb1', 'problem1')",
                       "INSERT INTO grade_cell (id, name, max_score, cell_type, notebook_id) "
                       "VALUES ('g1', 'q1', 2.0, 'code', 'nb1'), ('g2', 'q2', 3.5, 'markdown', 'nb1')",
                       "INSERT INTO solution_cell (id, name, max_score, cell_type, notebook_id) "
                       "VALUES ('s1', 'a1', 0.0, 'code', 'nb1')",
                       "INSERT INTO student (id, first_name) VALUES ('bitdiddle', 'Ben')")
           + runs("alembic upgrade 724cde206c17", "alembic current", "alembic upgrade head", *read_only,
                  "alembic downgrade -1", "alembic current", "alembic history -v -r 724cde206c17:")}
    versions = "optuna/storages/_rdb/alembic/versions"
    yield {"name": "real_optuna",
           "about": "optuna 5.0.0's first three revisions (the later ones import optuna and numpy): "
                    "tables with an Enum and a check constraint, batch alter_column of an Enum, and a "
                    "data migration that maps its own declarative models and uses a Session.",
           "steps": init
           + [unpack("optuna", f"{versions}/{name}", f"migrations/versions/{name}")
              for name in ("v0.9.0.a.py", "v1.2.0.a.py", "v1.3.0.a.py")]
           + runs(*read_only, "alembic upgrade head --sql", "alembic upgrade v1.2.0.a")
           + sql_lines("INSERT INTO studies (study_id, study_name, direction) VALUES (1, 'tune', 'MINIMIZE')",
                       "INSERT INTO trials (trial_id, study_id, state, value) "
                       "VALUES (1, 1, 'COMPLETE', 0.5), (2, 1, 'WAITING', NULL)",
                       "INSERT INTO trial_system_attributes (trial_system_attribute_id, trial_id, key, value_json) "
                       "VALUES (1, 1, '_number', '0'), (2, 2, '_number', '1'), (3, 1, 'other', '7')")
           + runs("alembic upgrade head", *read_only, "alembic downgrade -1", "alembic downgrade base",
                  "alembic current")}


def other_dialects_types():
    """A revision autogenerated against PostgreSQL or MySQL, run on SQLite: the dialects' type
    names SQLite's compiler renders (UUID, JSONB, DOUBLE PRECISION, ENUM as VARCHAR, MySQL's
    INTEGER(display_width=11) as INTEGER), and constraint names written op.f(...)."""
    files = project([])
    files["migrations/versions/0d1a00000001_users.py"] = (
        '"""users\n\nRevision ID: 0d1a00000001\nRevises: \nCreate Date: 2024-01-01 00:00:00\n\n"""\n'
        "from alembic import op\n"
        "import sqlalchemy as sa\n"
        "from sqlalchemy.dialects import postgresql, mysql\n"
        "from sqlalchemy.dialects.postgresql import JSONB\n\n"
        "revision = '0d1a00000001'\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade():\n"
        "    op.create_table('users',\n"
        "        sa.Column('id', postgresql.UUID(as_uuid=True), nullable=False),\n"
        "        sa.Column('email', sa.String(length=255), nullable=False),\n"
        "        sa.Column('meta', JSONB(), nullable=True),\n"
        "        sa.Column('weight', postgresql.DOUBLE_PRECISION(), nullable=True),\n"
        "        sa.Column('created_at', postgresql.TIMESTAMP(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),\n"
        "        sa.Column('kind', postgresql.ENUM('basic', 'pro', name='kind_enum', create_type=False), nullable=True),\n"
        "        sa.Column('score', mysql.INTEGER(display_width=11), nullable=True),\n"
        "        sa.Column('ref', sa.UUID(), nullable=True),\n"
        "        sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),\n"
        "        sa.UniqueConstraint('email', name=op.f('uq_users_email'))\n"
        "    )\n"
        "    op.create_index(op.f('ix_users_kind'), 'users', ['kind'], unique=False)\n\n\n"
        "def downgrade():\n"
        "    op.drop_index(op.f('ix_users_kind'), table_name='users')\n"
        "    op.drop_table('users')\n")
    return {"name": "other_dialects_types", "about": "PostgreSQL's and MySQL's type names in a revision run on SQLite.",
            "files": files,
            "steps": runs("alembic upgrade head --sql", "alembic upgrade head", "alembic current", "alembic downgrade base")}


def autogenerate_other_dialects():
    """A model with PostgreSQL's types, autogenerated on SQLite: sa.UUID(), sa.DOUBLE_PRECISION(),
    and postgresql.JSONB(astext_type=Text()) with its import, exactly as Alembic writes it (the bare
    Text() then fails the upgrade with a NameError, as it does for real)."""
    model = ("import uuid\n\n"
             "import sqlalchemy as sa\n"
             "from sqlalchemy.dialects import postgresql\n"
             "from sqlalchemy.orm import Mapped, mapped_column\n\n"
             "from src.models.base import Base\n\n\n"
             "class Thing(Base):\n"
             "    __tablename__ = 'things'\n\n"
             "    id: Mapped[uuid.UUID] = mapped_column(postgresql.UUID(as_uuid=True), primary_key=True)\n"
             "    weight = mapped_column(postgresql.DOUBLE_PRECISION())\n"
             "    ref = mapped_column(sa.UUID())\n")
    with_jsonb = model + "    meta = mapped_column(postgresql.JSONB())\n"
    return {"name": "autogenerate_other_dialects", "about": "PostgreSQL's types in a model, autogenerated on SQLite.",
            "steps": CONFIGURED
            + [{"write": "src/models/thing.py", "text": model}, import_model("thing")]
            + runs('alembic revision --autogenerate -m "things" --rev-id 0d1b00000001', "alembic upgrade head")
            + [{"write": "src/models/thing.py", "text": with_jsonb}]
            + runs('alembic revision --autogenerate -m "meta" --rev-id 0d1b00000002', "alembic upgrade head", "alembic current")}
