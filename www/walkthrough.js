// The guided walkthrough as data: chapters (each with its `goal` and a `hint`) of steps. A step
// is a console line the learner types (`run`; `rm` removes a file) or an edit of a project file
// (`edit`: replace `from` with `to`). `say` explains what is about to happen; `fails` marks a
// step meant to fail and `why` says why; `notice` is what to look at afterwards and `look` the
// view it is in. The page, the end-to-end test and the oracle's walkthrough scenario all read
// this file, so they cannot drift apart.
//
// Revision ids are fixed with --rev-id so later steps can name them; without it Alembic picks a
// random 12-digit id.

const USER_PY = "src/models/user.py";

export const CHAPTERS = [
  {
    title: "The model and the Database class",
    goal: "Run the tutorial's own code: create the users table, add, read, rename and delete users, then drop the table again.",
    hint: "Each line is Python typed at the console, as in a python session started in the project folder. Start with the import, then create a Database(\"sqlite.db\").",
    steps: [
      { say: "Import the tutorial's Database class and the User model from the project's files, as in a Python session started in the project folder.", run: "from src.db import Database" },
      { say: "", run: "from src.models.user import User" },
      { say: "Open the tutorial's Database: a SQLAlchemy engine for sqlite.db and a sessionmaker. No SQL runs yet; the class logs what it did (logging.basicConfig at INFO, on stderr).", run: 'db = Database("sqlite.db")' },
      { say: "create_tables() is Base.metadata.create_all(): SQLAlchemy checks whether users exists, then creates it from the User model.", run: "db.create_tables()", notice: "The users table appears; the SQL tab shows the PRAGMA checks and the CREATE TABLE.", look: "sql" },
      { say: "Add a user: its own Session, one INSERT, a commit. The log line reads user.name after the commit expired it, so SQLAlchemy loads it again: see the SELECT in the SQL tab.", run: 'db.create_user(User(name="John Doe"))' },
      { say: "Three more.", run: 'db.create_user(User(name="Jane Doe"))' },
      { say: "", run: 'db.create_user(User(name="Jack Doe"))' },
      { say: "", run: 'db.create_user(User(name="Jill Doe"))', notice: "Four rows, ids 1 to 4, chosen by SQLite.", look: "tables" },
      { say: "Load user 1: session.query(User).filter(User.id == 1).first() — a SELECT with LIMIT ? OFFSET ?. The session closes; the object keeps what it loaded.", run: "user = db.get_user(1)" },
      { say: "print() uses the model's __repr__.", run: "print(user)" },
      { say: "Rename John: one UPDATE with only the changed column. update_user returns get_user(…), so the console echoes the user.", run: 'db.update_user(user_id=user.id, name="John Smith")' },
      { say: "Delete him.", run: "db.delete_user(user_id=user.id)" },
      { say: "A mistake on purpose: User has no email column, so the seed's update_user raises AttributeError before anything is saved.", run: 'db.update_user(user_id=2, email="jane@example.com")', fails: true, why: "the User model has no email column (yet), so setattr in update_user raised before anything was saved" },
      { say: "Drop the table: rows and all. From here on Alembic manages the schema.", run: "db.drop_tables()" },
    ],
  },
  {
    title: "Set up Alembic",
    goal: "A migrations/ folder, alembic.ini pointing at sqlite.db, and an env.py whose target_metadata holds the users table.",
    hint: "alembic init migrations writes the files; then edit alembic.ini and migrations/env.py in the Files tab (or let the page edit them).",
    steps: [
      { say: "alembic init writes alembic.ini and a migrations/ folder: env.py, the revision template, and versions/ for the revision files.", run: "alembic init migrations", notice: "New files in the Files tab.", look: "files" },
      { say: "Point Alembic at the same database the tutorial uses.", edit: { path: "alembic.ini", from: "sqlalchemy.url = driver://user:pass@localhost/dbname", to: "sqlalchemy.url = sqlite:///sqlite.db" } },
      { say: "Try autogenerate now: env.py still says target_metadata = None, so Alembic has no models to compare with and refuses.", run: 'alembic revision --autogenerate -m "Add User table" --rev-id 3f1a9c2b7d40', fails: true, why: "env.py still says target_metadata = None, so autogenerate has nothing to compare the database with" },
      { say: "Give env.py the models' MetaData — but, as often happens, import only Base.", edit: { path: "migrations/env.py", from: "target_metadata = None", to: "from src.models.base import Base\n\ntarget_metadata = Base.metadata" } },
      { say: "Autogenerate runs, but Base.metadata is empty: nothing imported src.models.user, so the User class was never defined and its table never registered.", run: 'alembic revision --autogenerate -m "Add User table" --rev-id 0b0b0b0b0b0b', notice: "An empty revision: upgrade() is just pass. Open it in the Files tab.", look: "files" },
      { say: "Delete the empty revision…", run: "rm migrations/versions/0b0b0b0b0b0b_add_user_table.py" },
      { say: "…and import the model module in env.py: that is what puts the users table on Base.metadata.", edit: { path: "migrations/env.py", from: "from src.models.base import Base\n", to: "from src.models.base import Base\nimport src.models.user  # noqa: F401  registers the users table\n" } },
    ],
  },
  {
    title: "The first revision",
    goal: "One revision, \"Add User table\", applied: the database is at 3f1a9c2b7d40 and has users and alembic_version.",
    hint: "alembic revision --autogenerate writes the file; alembic upgrade head runs it.",
    steps: [
      { say: "Autogenerate compares the models with the database and writes what differs as a revision file.", run: 'alembic revision --autogenerate -m "Add User table" --rev-id 3f1a9c2b7d40', notice: "A file in migrations/versions/ and a node in the revision graph. Nothing has run against the database yet.", look: "files" },
      { say: "Run it: Alembic creates alembic_version, runs upgrade(), and records the revision.", run: "alembic upgrade head", notice: "users is back, and alembic_version holds 3f1a9c2b7d40: the graph marks it as current.", look: "tables" },
      { say: "Ask the database which revision it is at.", run: "alembic current" },
      { say: "List the revisions, newest first.", run: "alembic history" },
    ],
  },
  {
    title: "Evolve the schema",
    goal: "Two revisions in a line, the second adding email; after downgrading and upgrading again the database is at head, with email.",
    hint: "Edit the model, autogenerate, then move with upgrade and downgrade: head, -1, base and +2 name where to go.",
    steps: [
      { say: "Add an optional email column to the model.", edit: { path: USER_PY, from: "    name: Mapped[str] = mapped_column(String)\n", to: "    name: Mapped[str] = mapped_column(String)\n    email: Mapped[str | None] = mapped_column(String(120))\n" } },
      { say: "Autogenerate sees the new column.", run: 'alembic revision --autogenerate -m "Add email to users" --rev-id 8e2d41b6c0f3', notice: "The new file holds op.add_column(...) and, in downgrade(), op.drop_column(...).", look: "files" },
      { say: "Apply it.", run: "alembic upgrade head" },
      { say: "Step back one revision: downgrade() of the email revision runs.", run: "alembic downgrade -1", notice: "email is gone from users (struck out in the Tables view); current is 3f1a9c2b7d40.", look: "tables" },
      { say: "All the way back: every downgrade(), newest first. alembic_version stays, empty.", run: "alembic downgrade base" },
      { say: "Forward two steps from base.", run: "alembic upgrade +2" },
    ],
  },
  {
    title: "The create_all pitfall",
    goal: "Tables made by create_all, and Alembic told that they match head with stamp: current is 8e2d41b6c0f3 again.",
    hint: "When the tables exist but alembic_version does not say so, alembic stamp head records the revision without running it.",
    steps: [
      { say: "Start from an empty schema again.", run: "alembic downgrade base" },
      { say: "Leave Python: the classes it imported are the old ones, without email. The next Python line starts a fresh interpreter.", run: "exit()" },
      { say: "Import again: the fresh interpreter reads the edited model, with its email column.", run: "from src.db import Database" },
      { say: "", run: "from src.models.user import User" },
      { say: "Open the Database again.", run: 'db = Database("sqlite.db")' },
      { say: "Now create the tables the old way, with create_all, behind Alembic's back.", run: "db.create_tables()" },
      { say: "Alembic does not know: alembic_version is empty, so it tries to create users again.", run: "alembic upgrade head", fails: true, why: "create_all already made users, so the revision's CREATE TABLE failed; Alembic rolled it back", notice: "table users already exists — the revision was rolled back, nothing changed.", look: "sql" },
      { say: "The fix: tell Alembic the database already matches head, without running anything.", run: "alembic stamp head" },
      { say: "Now Alembic and the database agree.", run: "alembic current" },
    ],
  },
  {
    title: "Branches and a merge",
    goal: "Two revisions with the same parent, joined by a merge revision; the database at the merge.",
    hint: "revision --head ID --splice starts a branch from a revision that is not a head; alembic merge heads joins them.",
    steps: [
      { say: "A teammate adds a revision on top of head.", run: 'alembic revision -m "Add posts table" --rev-id c47a0e9b2d15' },
      { say: "You, working from the previous revision, add another. --splice allows a revision that is not a head as parent.", run: 'alembic revision -m "Add avatar to users" --rev-id d58b1f0a3c26 --head 8e2d41b6c0f3 --splice', notice: "Two heads: the graph splits." },
      { say: "List the heads.", run: "alembic heads" },
      { say: "upgrade head is now ambiguous.", run: "alembic upgrade head", fails: true, why: "there are two heads, so \"head\" names no single revision: upgrade to heads, or merge them" },
      { say: "A merge revision joins the two heads.", run: 'alembic merge heads -m "Merge posts and avatar" --rev-id e69c2a1b4d37' },
      { say: "One head again: upgrade runs both branches, then the merge.", run: "alembic upgrade head" },
      { say: "The history shows the branch point and the merge point.", run: "alembic history" },
    ],
  },
  {
    title: "SQLite and batch mode",
    goal: "name made optional on SQLite by a batch migration, with every row still in users.",
    hint: "SQLite cannot ALTER a column: render_as_batch=True in env.py makes autogenerate write op.batch_alter_table, which copies the table.",
    steps: [
      { say: "Some rows first, to watch them survive.", run: 'db.create_user(User(name="Ann Lee", email="ann@example.com"))' },
      { say: "", run: 'db.create_user(User(name="Bo Chen"))' },
      { say: "Make name optional in the model.", edit: { path: USER_PY, from: "    name: Mapped[str] = mapped_column(String)\n", to: "    name: Mapped[str | None] = mapped_column(String)\n" } },
      { say: "Autogenerate writes an alter_column.", run: 'alembic revision --autogenerate -m "Make name optional" --rev-id f7a8b9c0d1e2' },
      { say: "SQLite has no ALTER COLUMN (not the SQLite Python ships), so this fails.", run: "alembic upgrade head", fails: true, why: "SQLite has no ALTER COLUMN, so the revision's ALTER TABLE failed and was rolled back", notice: 'near "ALTER": syntax error, and the revision was rolled back.', look: "sql" },
      { say: "Remove that revision file…", run: "rm migrations/versions/f7a8b9c0d1e2_make_name_optional.py" },
      { say: "…and ask autogenerate for batch operations, which SQLite can do.", edit: { path: "migrations/env.py", from: "context.configure(connection=connection, target_metadata=target_metadata)", to: "context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)" } },
      { say: "Autogenerate again: the change is now inside with op.batch_alter_table('users').", run: 'alembic revision --autogenerate -m "Make name optional" --rev-id f7a8b9c0d1e2' },
      { say: "Batch mode moves and copies: a new _alembic_tmp_users, the rows copied, the old table dropped, the new one renamed.", run: "alembic upgrade head", notice: "The SQL tab shows the four steps; every row is still in users.", look: "sql" },
    ],
  },
];

/** The steps of every chapter, in order, each knowing its chapter. */
export const STEPS = CHAPTERS.flatMap((chapter, c) => chapter.steps.map((step, s) => ({ ...step, chapter: c, index: s })));

/** Index in STEPS of each chapter's first step. */
export const CHAPTER_STARTS = CHAPTERS.map((_, c) => STEPS.findIndex((s) => s.chapter === c));

/** The code a step shows: the console line, or what the edit does. */
export function stepCode(step) {
  if (step.run) return step.run;
  if (step.edit) return `# edit ${step.edit.path}\n${step.edit.to}`;
  return "";
}

/** Whether a typed console entry is the step's line: the same words, spacing aside. */
export function isStepLine(step, entry) {
  const words = (text) => text.trim().replace(/\s+/g, " ").replace(/\s*([(),=])\s*/g, "$1");
  return Boolean(step && step.run) && words(step.run) === words(entry);
}

const table = (view, name) => view.tables.find((t) => t.name === name);
const hasColumns = (index, columns) => index.columns.length === columns.length && index.columns.every((c, i) => c === columns[i]);

/**
 * After the walkthrough: three tasks with no steps given. Each `check` reads the lab as the page
 * sees it (`{ tables, current, revisions }`: tables with their schema and rows, the revision ids
 * in alembic_version, the revision list) and says whether the goal is reached.
 */
export const EXERCISES = [
  {
    title: "A posts table, by migration",
    task: "Write a Post model in a new file src/models/post.py (id, title, and user_id with ForeignKey(\"users.id\")), import it in env.py, autogenerate a revision and upgrade to it.",
    hint: "Copy the shape of src/models/user.py; in env.py add import src.models.post next to the user import; then alembic revision --autogenerate -m \"Add posts\" and alembic upgrade head.",
    check: (view) => {
      const posts = table(view, "posts");
      return Boolean(posts && posts.schema.foreignKeys.some((k) => k.refTable === "users" && hasColumns({ columns: k.columns }, ["user_id"])) && view.current.length > 0);
    },
  },
  {
    title: "An index on email",
    task: "Make looking users up by email fast: add index=True to the email column of the model, autogenerate, and upgrade.",
    hint: "mapped_column(String(120), index=True); autogenerate writes op.create_index(op.f(\"ix_users_email\"), ...) inside a batch block.",
    check: (view) => {
      const users = table(view, "users");
      return Boolean(users && users.schema.indexes.some((i) => !i.constraint && hasColumns(i, ["email"])));
    },
  },
  {
    title: "A data migration",
    task: "Write a revision by hand (alembic revision -m \"Add admin\") whose upgrade() inserts a user named Admin, with op.bulk_insert or op.execute, and whose downgrade() deletes it; upgrade to it.",
    hint: "In upgrade(): users = sa.table(\"users\", sa.column(\"name\", sa.String)) then op.bulk_insert(users, [{\"name\": \"Admin\"}]). In downgrade(): op.execute(\"DELETE FROM users WHERE name = 'Admin'\").",
    check: (view) => {
      const users = table(view, "users");
      const name = users ? users.columns.indexOf("name") : -1;
      return name >= 0 && users.rows.some((row) => row[name] === "Admin") && view.revisions.some((r) => r.isCurrent && !["f7a8b9c0d1e2"].includes(r.revision));
    },
  },
];
