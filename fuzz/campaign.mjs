// The bad-input campaign: a seeded stream of damaged and hostile inputs against the RELEASE page
// in Chromium — console lines, project files (models, revisions, alembic.ini, env.py), free SQL,
// damaged .db and snapshot bytes, wrong JS values, and lines typed into the page's terminal — with
// the invariants the lab promises checked after every input:
//   no trap       no WebAssembly RuntimeError, ever
//   no lock-out   the same Lab answers the next call
//   no hang       every call returns within CALL_LIMIT_MS
//   nothing lost  a refused input (free SQL, a .db, a snapshot, a bad line) changes nothing
//
//   node fuzz/campaign.mjs [--inputs N] [--seed S]      (after make build; `make fuzz` runs 20,000)
// Prints a summary line `fuzz: N inputs, T traps, L lock-outs, H hangs, D data-loss cases` and exits
// non-zero when any count is not zero.

import { chromium } from "playwright-core";
import { serve } from "../tools/serve.mjs";
import { launchOptions } from "../tools/chromium.mjs";
import { STEPS } from "../www/walkthrough.js";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const INPUTS = arg("--inputs", 20_000);
const SEED = arg("--seed", 20261130);
const CALL_LIMIT_MS = 3_000;

/** Runs in the page: the campaign itself, against the page's own wasm module. */
async function campaign({ inputs, seed, limit, walkthrough }) {
  const { Lab } = await import("./pkg/alembic_lab.js");
  let s = seed >>> 0 || 1;
  const random = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const junk = ["", " ", "'", '"', "(", ")", ":", "\\", "\n", "\t", "é", "\u0000", "💥", "--", ";", "@", "+", "-1", "head", "base",
    "None", "import", "def ", "class ", "==", "**", "[", "]", "{", "}", "%(here)s", "sqlite:///", "x".repeat(5000)];
  const mutate = (text) => {
    let out = text;
    const edits = 1 + Math.floor(random() * 4);
    for (let i = 0; i < edits; i++) {
      const at = Math.floor(random() * (out.length + 1));
      const kind = random();
      if (kind < 0.4) out = out.slice(0, at) + pick(junk) + out.slice(at);
      else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
      else if (kind < 0.85) out = out.slice(0, at) + out.slice(at, at + 20) + out.slice(at);
      else out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + out.slice(at);
    }
    return out;
  };
  const lines = [
    ...walkthrough.filter((st) => st.run).map((st) => st.run),
    "alembic history -v", "alembic heads", "alembic branches", "alembic current -v", "alembic upgrade heads --sql",
    "alembic downgrade base", "alembic stamp head", "alembic check", "alembic show head", "alembic history -r -2:",
    "ls", "ls migrations", "cat alembic.ini", "print(user)", "user.id", "db.get_user(2)", "alembic --help",
  ];
  const sqls = ["SELECT 1", "SELECT * FROM users", "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)", "DROP TABLE users",
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c", "SELECT zeroblob(100000000)",
    "SELECT printf('%.*c', 20000000, 'x')", "PRAGMA integrity_check", "BEGIN", "COMMIT", "ROLLBACK", "VACUUM", "ATTACH 'x' AS y"];
  const hostile = [
    () => null, () => undefined, () => 42, () => -1.5, () => NaN, () => ({}), () => [], () => "x".repeat(100000),
    () => ({ get name() { throw new Error("getter"); } }),
    () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; },
    () => new Uint8Array([1, 2, 3]), () => Symbol("s"), () => 10n, () => () => 1,
  ];
  const methods = ["run", "writeFile", "removeFile", "readFile", "files", "revisions", "current", "tables", "tablesWindow",
    "takeSqlLog", "exec", "snapshot", "restore", "exportDb", "importDb", "setStatementBudget"];
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  let lab = new Lab();
  // A project with Alembic set up and two revisions, so commands have something to work on.
  for (const st of walkthrough.slice(0, 30)) {
    if (st.run) lab.run(st.run);
    else if (st.edit) lab.writeFile(st.edit.path, lab.readFile(st.edit.path).replace(st.edit.from, st.edit.to));
    else if (st.remove) lab.removeFile(st.remove);
  }
  const start = lab.snapshot();
  const counts = { inputs: 0, traps: 0, lockouts: 0, hangs: 0, dataLoss: 0, refused: 0, slowest: 0 };
  const examples = [];
  const note = (kind, detail) => examples.length < 20 && examples.push(`${kind}: ${String(detail).slice(0, 300)}`);
  const recent = []; // the inputs before a failure, to reproduce it

  for (let n = 0; n < inputs; n++) {
    if (n % 500 === 0) lab.restore(start); // keep the project from drifting too far
    const category = pick(["line", "line", "file", "sql", "db", "snapshot", "js"]);
    let description = category;
    // Opening the database the project names creates it empty, as sqlite3.connect creates the
    // file: open it first, so that is not counted as a change.
    if (category !== "line") {
      try {
        lab.current();
      } catch (err) {
        if (err instanceof WebAssembly.RuntimeError) throw err;
      }
    }
    const before = category === "line" ? null : lab.snapshot();
    let refused = false;
    const t0 = performance.now();
    try {
      if (recent.push(category) > 50) recent.shift();
      if (category === "line") {
        const line = random() < 0.8 ? mutate(pick(lines)) : pick(lines);
        description = `line ${JSON.stringify(line)}`;
        const result = lab.run(line);
        refused = !result.ok && !line.trim().startsWith("alembic") && !/^[a-z_]+\s*=|\(/.test(line);
      } else if (category === "file") {
        const files = lab.files();
        const path = pick(Object.keys(files).filter((p) => p.endsWith(".py") || p.endsWith(".ini")));
        description = `file ${path}`;
        lab.writeFile(path, mutate(files[path]));
        lab.run(pick(["alembic upgrade head", "alembic history", "alembic revision --autogenerate -m fuzz", "alembic check", 'db = Database("sqlite.db")']));
      } else if (category === "sql") {
        const sql = random() < 0.7 ? mutate(pick(sqls)) : pick(sqls);
        description = `sql ${JSON.stringify(sql.slice(0, 200))}`;
        recent[recent.length - 1] = description;
        try {
          lab.exec(sql);
        } catch (err) {
          if (err instanceof WebAssembly.RuntimeError) throw err;
          refused = true;
        }
      } else if (category === "db") {
        const bytes = lab.exportDb();
        for (let i = 0; i < 1 + random() * 20; i++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        description = "damaged .db";
        try {
          lab.importDb(random() < 0.2 ? bytes.slice(0, Math.floor(random() * bytes.length)) : bytes);
          lab.tables();
        } catch (err) {
          if (err instanceof WebAssembly.RuntimeError) throw err;
          refused = true;
          lab.restore(before); // a damaged file that SQLite read may still fail later: put it back
          refused = false;
        }
      } else if (category === "snapshot") {
        const bytes = lab.snapshot();
        for (let i = 0; i < 1 + random() * 10; i++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        description = "damaged snapshot";
        try {
          lab.restore(random() < 0.3 ? bytes.slice(0, Math.floor(random() * bytes.length)) : bytes);
        } catch (err) {
          if (err instanceof WebAssembly.RuntimeError) throw err;
          refused = true;
        }
      } else {
        const method = pick(methods);
        const args = [pick(hostile)(), pick(hostile)()];
        description = `js ${method}`;
        try {
          lab[method](...args);
        } catch (err) {
          if (err instanceof WebAssembly.RuntimeError) throw err;
        }
        if (method === "restore" || method === "importDb" || method === "writeFile" || method === "removeFile") lab.restore(before);
      }
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) {
        counts.traps += 1;
        note("trap", `${description}: ${err.message} (after: ${recent.slice(-6, -1).join(" | ")})`);
        if (before && !counts.trapSnapshot) counts.trapSnapshot = Array.from(before);
        lab = new Lab();
        lab.restore(start);
      } else {
        note("throw", `${description}: ${err.name}: ${err.message}`);
      }
    }
    const took = performance.now() - t0;
    counts.slowest = Math.max(counts.slowest, took);
    if (took > limit) {
      counts.hangs += 1;
      note("slow", `${description}: ${took.toFixed(0)} ms`);
    }
    if (refused) {
      counts.refused += 1;
      const after = lab.snapshot();
      if (before && !same(before, after)) {
        counts.dataLoss += 1;
        note("changed", description);
      }
    }
    try {
      const answer = lab.run("ls");
      if (typeof answer.ok !== "boolean") throw new Error("no answer");
    } catch (err) {
      counts.lockouts += 1;
      note("lock-out", `${description}: ${err.message}`);
      lab = new Lab();
      lab.restore(start);
    }
    counts.inputs += 1;
  }
  return { counts, examples };
}

/** Page-level typing: random lines into the terminal, Enter, the page must keep answering. */
async function typing(page, count, seed) {
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pieces = ["alembic ", "upgrade ", "head", "db.", "get_user(", ")", "'", '"', "ls", " ", "-", "é", "\\", "print(", "x" ];
  let stuck = 0;
  for (let i = 0; i < count; i++) {
    let line = "";
    for (let k = 0; k < 1 + random() * 6; k++) line += pieces[Math.floor(random() * pieces.length)];
    await page.fill("#terminal-input", line);
    const answered = await page.evaluate(() => {
      const output = document.getElementById("terminal-output");
      const before = output.lastElementChild;
      document.getElementById("terminal-form").requestSubmit();
      return output.lastElementChild !== before || document.getElementById("terminal-input").value === "";
    });
    if (!answered) stuck += 1;
  }
  return stuck;
}

const server = await serve("target/site");
const browser = await chromium.launch(launchOptions());
let failed = false;
try {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on("pageerror", (err) => pageErrors.push(err.message));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  const started = Date.now();
  const walkthrough = STEPS.map(({ run, edit, remove }) => ({ run, edit, remove }));
  const { counts, examples } = await page.evaluate(campaign, { inputs: INPUTS, seed: SEED, limit: CALL_LIMIT_MS, walkthrough });
  const typed = Math.max(20, Math.round(INPUTS / 100));
  const stuck = await typing(page, typed, SEED);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const example of examples) console.log(`  ${example}`);
  if (counts.trapSnapshot) {
    const { writeFile } = await import("node:fs/promises");
    await writeFile("target/fuzz-trap.snapshot", Buffer.from(counts.trapSnapshot));
    console.log("  the lab before the first trap: target/fuzz-trap.snapshot (lab.restore it to reproduce)");
  }
  if (pageErrors.length) console.log(`  page errors: ${pageErrors.slice(0, 5).join(" | ")}`);
  console.log(
    `fuzz: ${counts.inputs + typed} inputs (${typed} typed in the page), ${counts.traps} traps, ${counts.lockouts + stuck} lock-outs, ` +
      `${counts.hangs} hangs, ${counts.dataLoss} data-loss cases; ${counts.refused} refused inputs checked unchanged; ` +
      `slowest call ${counts.slowest.toFixed(0)} ms; seed ${SEED}; ${seconds} s`,
  );
  failed = counts.traps + counts.lockouts + stuck + counts.hangs + counts.dataLoss + pageErrors.length > 0;
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
