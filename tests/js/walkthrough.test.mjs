// Unit tests of the page's plain modules (no browser): terminal completion and the walkthrough's
// data. Run by `make test-e2e` with the end-to-end tests.

import { test } from "node:test";
import assert from "node:assert/strict";
import { complete } from "../../www/complete.js";
import { CHAPTERS, STEPS, CHAPTER_STARTS, EXERCISES, isStepLine } from "../../www/walkthrough.js";

const project = { files: ["main.py", "src/db.py", "src/models/user.py", "migrations/env.py", "alembic.ini"], revisions: ["3f1a9c2b7d40", "8e2d41b6c0f3"] };

test("Tab completes commands, alembic subcommands and options, files and revision ids", () => {
  assert.deepEqual(complete("al", project), { line: "alembic ", choices: [] });
  assert.deepEqual(complete("alembic up", project), { line: "alembic upgrade ", choices: [] });
  assert.deepEqual(complete("alembic upgrade 3f", project), { line: "alembic upgrade 3f1a9c2b7d40 ", choices: [] });
  assert.deepEqual(complete("alembic revision --auto", project).line, "alembic revision --autogenerate ");
  assert.deepEqual(complete("alembic revision -m x --head 8e", project).line, "alembic revision -m x --head 8e2d41b6c0f3 ");
  assert.deepEqual(complete("cat src/m", project).line, "cat src/models/");
  assert.deepEqual(complete("cat src/models/u", project).line, "cat src/models/user.py ");
});

test("several matches are listed and the line completes only as far as they agree", () => {
  assert.deepEqual(complete("alembic h", project), { line: "alembic h", choices: ["heads", "history"] });
  assert.deepEqual(complete("python m", project), { line: "python m", choices: ["main.py", "migrations/"] });
  assert.deepEqual(complete("alembic upgrade ", project).choices, ["3f1a9c2b7d40", "8e2d41b6c0f3", "base", "head", "heads"]);
});

test("Python and unknown words complete to nothing, so Tab moves focus on", () => {
  for (const line of ["db.create_", "xyz", "print(us"]) assert.deepEqual(complete(line, project), { line, choices: [] });
});

test("a typed line is the step's line whatever its spacing, and only then", () => {
  const open = STEPS.find((s) => s.run === 'db = Database("sqlite.db")');
  assert.ok(isStepLine(open, 'db = Database("sqlite.db")'));
  assert.ok(isStepLine(open, '  db=Database( "sqlite.db" )'));
  assert.ok(!isStepLine(open, 'db = Database("other.db")'));
  assert.ok(!isStepLine(STEPS.find((s) => s.edit), "anything"));
  assert.ok(!isStepLine(undefined, "x"));
});

test("every chapter has a goal and a hint, every failing step says why, and chapters start where they should", () => {
  for (const c of CHAPTERS) assert.ok(c.goal && c.hint, c.title);
  for (const s of STEPS.filter((s) => s.fails)) assert.ok(s.why, s.run);
  for (const s of STEPS) assert.ok(s.run || s.edit, JSON.stringify(s));
  assert.deepEqual(CHAPTER_STARTS.map((i) => STEPS[i].index), CHAPTERS.map(() => 0));
  assert.equal(EXERCISES.length, 3);
});

test("the exercises' checks read the lab's schema and rows", () => {
  const users = (extra) => ({ name: "users", columns: ["id", "name"], rows: [[1, "Admin"]], schema: { columns: [], foreignKeys: [], indexes: [], ...extra } });
  const posts = { name: "posts", columns: [], rows: [], schema: { columns: [], foreignKeys: [{ columns: ["user_id"], refTable: "users", refColumns: ["id"] }], indexes: [] } };
  const view = { tables: [users({ indexes: [{ name: "ix_users_email", columns: ["email"], unique: false, constraint: false }] }), posts], current: ["abc"], revisions: [{ revision: "abc", isCurrent: true }] };
  assert.deepEqual(EXERCISES.map((e) => e.check(view)), [true, true, true]);
  const empty = { tables: [users({})], current: ["f7a8b9c0d1e2"], revisions: [{ revision: "f7a8b9c0d1e2", isCurrent: true }] };
  assert.deepEqual(EXERCISES.map((e) => e.check(empty)), [false, false, false]);
});

test("a long graph draws straight runs as one node, keeping heads, current, branch and merge points", async () => {
  const { collapseChains } = await import("../../www/graph.js");
  const chain = Array.from({ length: 500 }, (_, i) => ({ revision: `r${i}`, downRevisions: i ? [`r${i - 1}`] : [], isHead: i === 499, isCurrent: i === 250 }));
  const shown = collapseChains(chain);
  assert.deepEqual(shown.map((r) => r.revision), ["r0", "…r1", "r250", "…r251", "r499"]);
  assert.equal(shown[1].collapsed.length, 249);
  assert.deepEqual(shown[2].downRevisions, ["…r1"], "the current revision hangs from the collapsed run");
  assert.deepEqual(shown[4].downRevisions, ["…r251"]);
  // Opened runs are drawn in full; short graphs are never collapsed.
  assert.equal(collapseChains(chain, new Set(["r1", "r251"])).length, 500);
  assert.equal(collapseChains(chain.slice(0, 40)).length, 40);
  // A branch point and a merge point stay.
  const forked = [...chain.slice(0, 60), { revision: "b", downRevisions: ["r30"], isHead: true }];
  forked[59] = { ...forked[59], isHead: true };
  const ids = collapseChains(forked).map((r) => r.revision);
  assert.ok(ids.includes("r30") && ids.includes("b") && ids.includes("r59"), ids.join());
});

test("the ring's path is read from Alembic's Running lines: both branches, then the merge", async () => {
  const { revisionsRun } = await import("../../www/graph.js");
  const log = [
    "INFO  [alembic.runtime.migration] Context impl SQLiteImpl.",
    "INFO  [alembic.runtime.migration] Running upgrade  -> 3f1a9c2b7d40, Add User table",
    "INFO  [alembic.runtime.migration] Running upgrade 8e2d41b6c0f3 -> c47a0e9b2d15, Add posts table",
    "INFO  [alembic.runtime.migration] Running upgrade 8e2d41b6c0f3 -> d58b1f0a3c26, Add avatar to users",
    "INFO  [alembic.runtime.migration] Running upgrade c47a0e9b2d15, d58b1f0a3c26 -> e69c2a1b4d37, Merge posts and avatar",
  ].join("\n");
  assert.deepEqual(revisionsRun(log), ["3f1a9c2b7d40", "c47a0e9b2d15", "d58b1f0a3c26", "e69c2a1b4d37"]);
  assert.deepEqual(revisionsRun("INFO  [alembic.runtime.migration] Running downgrade 3f1a9c2b7d40 -> , Add User table"), []);
  assert.deepEqual(revisionsRun("INFO  [alembic.runtime.migration] Running downgrade e69c2a1b4d37 -> c47a0e9b2d15, d58b1f0a3c26, Merge"), ["c47a0e9b2d15", "d58b1f0a3c26"]);
  // The word is the migration function's name: a decorator without functools.wraps makes it `wrapper`.
  assert.deepEqual(revisionsRun("INFO  [alembic.runtime.migration] Running wrapper 7a9b38559992 -> 06884b17c50f, fix"), ["06884b17c50f"]);
  assert.deepEqual(revisionsRun(undefined), []);
});
