// The browser half of `make bench`: the same CRUD workload through the lab's wasm (inside wasm, and
// from JS one call per row) and through sql.js's prepared statements, in one page and one run.
// bench/bench.mjs loads bench/crud.html and calls window.runCrud(rows).

import init, { Database, benchCrudInWasm } from "/bench-pkg/alembic_lab.js";

const now = () => performance.now();

function phases(n, ops) {
  const out = {};
  for (const [label, op] of Object.entries(ops)) {
    const start = now();
    for (let id = 1; id <= n; id++) op(id);
    out[label] = now() - start;
  }
  return out;
}

function labFromJs(n) {
  const db = new Database("bench.db");
  db.createTables();
  const result = phases(n, {
    insert: (id) => db.createUser({ name: `User ${id}` }),
    get: (id) => db.getUser(id),
    update: (id) => db.updateUser(id, { name: `Renamed ${id}` }),
    delete: (id) => db.deleteUser(id),
  });
  db.free();
  return result;
}

/** sql.js as shipped, or tuned: its database lives in a virtual file, so by default every commit
 * writes a rollback journal there; with `journal_mode = MEMORY` it journals in memory as ours does. */
function sqlJs(SQL, n, tuned) {
  const db = new SQL.Database();
  if (tuned) db.run("PRAGMA journal_mode = MEMORY");
  db.run("CREATE TABLE users (id INTEGER NOT NULL, name VARCHAR NOT NULL, PRIMARY KEY (id))");
  const insert = db.prepare("INSERT INTO users (name) VALUES (?)");
  const select = db.prepare("SELECT id, name FROM users WHERE id = ?");
  const update = db.prepare("UPDATE users SET name = ? WHERE id = ?");
  const remove = db.prepare("DELETE FROM users WHERE id = ?");
  const result = phases(n, {
    insert: (id) => insert.run([`User ${id}`]),
    get: (id) => {
      select.bind([id]);
      select.step();
      select.getAsObject();
      select.reset();
    },
    update: (id) => update.run([`Renamed ${id}`, id]),
    delete: (id) => remove.run([id]),
  });
  for (const stmt of [insert, select, update, remove]) stmt.free();
  db.close();
  return result;
}

/** Best of `runs` for each phase. */
function best(runs, body) {
  let out = body();
  for (let i = 1; i < runs; i++) {
    const next = body();
    for (const k of Object.keys(out)) out[k] = Math.min(out[k], next[k]);
  }
  return out;
}

window.runCrud = async (rows) => {
  await init();
  const SQL = await window.initSqlJs({ locateFile: (file) => `/sqljs/${file}` });
  // Warm up every path once.
  benchCrudInWasm(1000);
  labFromJs(1000);
  sqlJs(SQL, 1000, false);
  sqlJs(SQL, 1000, true);
  return {
    inWasm: best(3, () => benchCrudInWasm(rows)),
    fromJs: best(3, () => labFromJs(rows)),
    sqlJs: best(3, () => sqlJs(SQL, rows, false)),
    sqlJsTuned: best(3, () => sqlJs(SQL, rows, true)),
  };
};
window.benchReady = true;
