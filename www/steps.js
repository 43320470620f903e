// The seed's main.py as data: its source, and for each line that does something, the call it makes
// on the lab's Database (the Python console that runs typed lines comes later). The page and the
// end-to-end test both read this file, so the walkthrough and its test cannot drift apart.

export const MAIN_PY = `from src.db import Database
from src.models.user import User


def main():
    with Database("sqlite.db") as db:
        db.create_tables()
        db.create_user(User(name="John Doe"))
        db.create_user(User(name="Jane Doe"))
        db.create_user(User(name="Jack Doe"))
        db.create_user(User(name="Jill Doe"))
        user = db.get_user(1)
        print(user)
        db.update_user(user_id=user.id, name="John Smith")
        db.delete_user(user_id=user.id)
        db.drop_tables()


if __name__ == "__main__":
    main()
`;

/** A Python-style error raised by the page itself (e.g. `NameError`), shown like the engine's. */
export function pythonError(name, message) {
  const err = new Error(message);
  err.name = name;
  return err;
}

/** `db` as Python would look it up: a NameError before the `with` line has run. */
function db(ctx) {
  if (!ctx.vars.db) throw pythonError("NameError", "name 'db' is not defined");
  return ctx.vars.db;
}

/** `user.id` as Python evaluates it: an AttributeError on None. */
function userId(ctx) {
  if (!("user" in ctx.vars)) throw pythonError("NameError", "name 'user' is not defined");
  if (ctx.vars.user === null) throw pythonError("AttributeError", "'NoneType' object has no attribute 'id'");
  return ctx.vars.user.id;
}

function createUser(name) {
  return {
    explain: `Builds a User object and commits it: SQLAlchemy sends one INSERT inside its own transaction, and SQLite picks the id.`,
    run: (ctx) => {
      db(ctx).createUser({ name });
    },
  };
}

// Each step: the line number in MAIN_PY it runs, what to notice, and what it does.
export const MAIN_STEPS = [
  {
    line: 6,
    explain: `Opens the database: an engine for sqlite:///sqlite.db and a session. Nothing is sent to SQLite yet — SQLAlchemy connects lazily.`,
    run: (ctx) => {
      ctx.vars.db = ctx.openDatabase("sqlite.db");
    },
  },
  {
    line: 7,
    explain: `Base.metadata.create_all() asks SQLite whether the users table exists (PRAGMA table_info), finds nothing, and creates it from the User model.`,
    run: (ctx) => db(ctx).createTables(),
  },
  { line: 8, ...createUser("John Doe") },
  { line: 9, ...createUser("Jane Doe") },
  { line: 10, ...createUser("Jack Doe") },
  { line: 11, ...createUser("Jill Doe") },
  {
    line: 12,
    explain: `session.get(User, 1) opens a new transaction and SELECTs the row by primary key. The result stays in the session's identity map.`,
    run: (ctx) => {
      ctx.vars.user = db(ctx).getUser(1);
    },
  },
  {
    line: 13,
    explain: `print() calls the model's __repr__. The object is already loaded, so no SQL runs.`,
    run: (ctx) => {
      if (!("user" in ctx.vars)) throw pythonError("NameError", "name 'user' is not defined");
      ctx.print(ctx.vars.user === null ? "None" : db(ctx).repr(ctx.vars.user));
    },
  },
  {
    line: 14,
    explain: `update_user gets the user (already in this transaction, so no SELECT), sets name, and commits: one UPDATE with only the changed column.`,
    run: (ctx) => {
      ctx.vars.user = db(ctx).updateUser(userId(ctx), { name: "John Smith" });
    },
  },
  {
    line: 15,
    explain: `The last commit expired every object, so the user is loaded again (a new transaction and a SELECT), then deleted.`,
    run: (ctx) => db(ctx).deleteUser(userId(ctx)),
  },
  {
    line: 16,
    explain: `Base.metadata.drop_all() checks the table exists, then drops it — rows and all.`,
    run: (ctx) => db(ctx).dropTables(),
  },
];

// Lines that go wrong on purpose, to see what each mistake looks like. Each runs on the current state.
export const MISTAKES = [
  {
    id: "unknown-field",
    code: `db.update_user(user_id=2, email="jane@example.com")`,
    explain: `User has no email column, so the seed's update_user raises before anything is saved.`,
    run: (ctx) => {
      db(ctx).updateUser(2, { email: "jane@example.com" });
    },
  },
  {
    id: "missing-user",
    code: `db.delete_user(user_id=999)`,
    explain: `get_user(999) returns None, and session.delete(None) cannot delete nothing.`,
    run: (ctx) => db(ctx).deleteUser(999),
  },
  {
    id: "null-name",
    code: `db.create_user(User(name=None))`,
    explain: `name is Mapped[str], so the column is NOT NULL: SQLite refuses the row and the session rolls back.`,
    run: (ctx) => {
      db(ctx).createUser({ name: null });
    },
  },
  {
    id: "rollback",
    code: `db.session.rollback()`,
    explain: `After a failed commit the session refuses all work (PendingRollbackError) until you roll it back.`,
    run: (ctx) => db(ctx).rollback(),
  },
];

/** A one-line hint at the cause of an error, for the learner. */
export function hintFor(err) {
  switch (err.name) {
    case "AttributeError":
      return err.message.startsWith("User does not have attribute")
        ? "The seed's update_user only sets attributes the User model has (id, name) — and finds none on None when the user does not exist."
        : "Python looked up an attribute on an object that does not have it.";
    case "UnmappedInstanceError":
      return "get_user found no such id and returned None; session.delete(None) is what fails.";
    case "IntegrityError":
      return "SQLite refused the change because it breaks a constraint of the table; nothing was saved.";
    case "PendingRollbackError":
      return "An earlier commit failed; run db.session.rollback() before using the session again.";
    case "OperationalError":
      if (err.message.startsWith("no such function: json")) {
        return "This lab's SQLite is built without the JSON functions, to keep the page small; the SQLite on your machine has them.";
      }
      return err.message.startsWith("no such table")
        ? "The table is not there: run db.create_tables() first (or it was dropped)."
        : "SQLite could not run the statement as written.";
    case "NameError":
      return "That variable is set by an earlier line; run the lines above it first.";
    case "TypeError":
      return "A value of the wrong kind was passed.";
    default:
      return "";
  }
}
