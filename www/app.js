// The first page: the seed's main() run line by line on real SQLite in wasm. Rust owns the state;
// this file keeps the list of lines run so far and draws. Back replays that list minus its last
// entry on a fresh database, so the state shown is always exactly what those lines produce.
// Learner data is only ever set with textContent.

import init, { Database } from "./pkg/alembic_lab.js";
import { MAIN_PY, MAIN_STEPS, MISTAKES, hintFor, pythonError } from "./steps.js";
import { echoLines } from "./format.js";

const $ = (id) => document.getElementById(id);
const SOURCE_LINES = MAIN_PY.trimEnd().split("\n");

/** What was run, in order: { main: index } or { mistake: id }. */
let history = [];
/** The lab after replaying `history`: { ctx, results }. */
let lab = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function actionOf(entry) {
  if ("main" in entry) {
    const step = MAIN_STEPS[entry.main];
    return { ...step, code: SOURCE_LINES[step.line - 1].trim() };
  }
  return MISTAKES.find((m) => m.id === entry.mistake);
}

/** A fresh lab: no variables, no databases. */
function freshLab() {
  const ctx = {
    vars: {},
    opened: [],
    output: [],
    openDatabase(name) {
      const db = new Database(name);
      this.opened.push(db);
      return db;
    },
    print(line) {
      this.output.push(line);
    },
  };
  return { ctx, results: [] };
}

/** Runs one entry on the lab's state: its SQL, printed output, error, and tables before/after. */
function runEntry(ctx, entry) {
  const action = actionOf(entry);
  const tablesBefore = currentTables(ctx);
  ctx.output = [];
  let error = null;
  try {
    action.run(ctx);
  } catch (err) {
    error = err instanceof Error ? err : pythonError("Error", String(err));
  }
  const log = ctx.opened.flatMap((db) => db.takeSqlLog());
  return { entry, action, log, output: ctx.output, error, tablesBefore, tablesAfter: currentTables(ctx) };
}

/** The state after running `entries` from the start (how Back and Start over get there). */
function replay(entries) {
  if (lab) for (const db of lab.ctx.opened) db.free();
  const fresh = freshLab();
  for (const entry of entries) fresh.results.push(runEntry(fresh.ctx, entry));
  return fresh;
}

function currentTables(ctx) {
  return ctx.vars.db ? ctx.vars.db.tables() : null;
}

function nextMainIndex() {
  const ran = history.filter((e) => "main" in e).map((e) => e.main);
  return ran.length === 0 ? 0 : Math.max(...ran) + 1;
}

function run(entry) {
  history.push(entry);
  lab.results.push(runEntry(lab.ctx, entry));
  draw();
}

function back() {
  history.pop();
  lab = replay(history);
  draw();
}

function startOver() {
  history = [];
  lab = replay(history);
  draw();
}

// ---- drawing --------------------------------------------------------------------------------

function draw() {
  const last = lab.results.at(-1) ?? null;
  const next = nextMainIndex();
  drawSource(last, next);
  drawControls(next);
  drawStep(last, next);
  drawOutput(last);
  drawUsers(last);
  drawSql(last);
  $("progress").textContent = `${Math.min(next, MAIN_STEPS.length)} of ${MAIN_STEPS.length} lines of main() run`;
}

function drawSource(last, next) {
  const list = $("source");
  list.replaceChildren();
  const doneLines = new Set(history.filter((e) => "main" in e).map((e) => MAIN_STEPS[e.main].line));
  const lastLine = last && "main" in last.entry ? MAIN_STEPS[last.entry.main].line : null;
  const nextLine = next < MAIN_STEPS.length ? MAIN_STEPS[next].line : null;
  SOURCE_LINES.forEach((text, i) => {
    const number = i + 1;
    const li = el("li", "", text || " ");
    if (doneLines.has(number)) li.classList.add("done");
    if (number === lastLine) li.classList.add("last", last.error ? "failed" : "ok");
    if (number === nextLine) {
      li.classList.add("next");
      li.setAttribute("aria-current", "step");
    }
    list.append(li);
  });
}

function drawControls(next) {
  const finished = next >= MAIN_STEPS.length;
  $("run-next").disabled = finished;
  $("run-next").textContent = finished ? "main() has finished" : "Run next line ▶";
  $("back").disabled = history.length === 0;
  $("start-over").disabled = history.length === 0;
}

function drawStep(last, next) {
  const box = $("step");
  box.replaceChildren();
  if (last) {
    box.append(el("p", "step-label", "Just ran"));
    box.append(el("code", "step-code", last.action.code));
    box.append(el("p", "", last.action.explain));
  } else {
    box.append(el("p", "", "Press “Run next line” to run main() one line at a time on a real SQLite database in your browser. After each line you see the users table, the SQL SQLAlchemy sent, and what Python printed."));
  }
  if (next < MAIN_STEPS.length) {
    const code = SOURCE_LINES[MAIN_STEPS[next].line - 1].trim();
    const p = el("p", "step-next", "Next: ");
    p.append(el("code", "", code));
    box.append(p);
  }
}

function drawOutput(last) {
  const box = $("output");
  box.replaceChildren();
  if (!last) {
    box.append(el("p", "empty", "Nothing printed yet."));
    return;
  }
  for (const line of last.output) box.append(el("pre", "printed", line));
  if (last.error) {
    const err = last.error;
    const line = el("pre", "error");
    line.append(el("strong", "", err.traceback ? err.traceback.split(": ")[0] : err.name), el("span", "", ": " + (err.traceback ? err.traceback.slice(err.traceback.indexOf(": ") + 2) : err.message)));
    box.append(line);
    const hint = hintFor(err);
    if (hint) box.append(el("p", "hint", hint));
  }
  if (!last.output.length && !last.error) box.append(el("p", "empty", "This line printed nothing."));
}

function usersTable(tables) {
  return tables ? tables.find((t) => t.name === "users") ?? null : null;
}

function drawUsers(last) {
  const box = $("users");
  box.replaceChildren();
  const after = usersTable(last ? last.tablesAfter : null);
  const before = usersTable(last ? last.tablesBefore : null);
  if (!after) {
    const why = last && before ? "drop_tables() removed the users table." : "There is no users table yet — create_tables() makes it.";
    box.append(el("p", "empty", why));
    return;
  }
  const table = el("table");
  const head = el("tr");
  for (const c of after.columns) head.append(el("th", "", c));
  const thead = el("thead");
  thead.append(head);
  table.append(thead);
  const body = el("tbody");
  const old = new Map((before ? before.rows : []).map((r) => [r[0], r]));
  const now = new Set(after.rows.map((r) => r[0]));
  for (const row of after.rows) {
    const prev = old.get(row[0]);
    const tr = el("tr", before && !prev ? "added" : "");
    row.forEach((value, i) => {
      const td = el("td", value === null ? "null" : "", value === null ? "NULL" : String(value));
      if (prev && prev[i] !== value) td.classList.add("changed");
      tr.append(td);
    });
    body.append(tr);
  }
  for (const row of before ? before.rows : []) {
    if (now.has(row[0])) continue;
    const tr = el("tr", "removed");
    tr.title = "deleted by this line";
    for (const value of row) tr.append(el("td", "", value === null ? "NULL" : String(value)));
    body.append(tr);
  }
  table.append(body);
  if (!after.rows.length && !(before && before.rows.length)) box.append(el("p", "empty", "The users table is empty."));
  else box.append(table);
}

function drawSql(last) {
  const box = $("sql");
  box.replaceChildren();
  if (!last || !last.log.length) {
    box.append(el("p", "empty", last ? "This line sent no SQL." : "No SQL has run yet."));
    return;
  }
  const pre = el("pre");
  for (const line of echoLines(last.log)) pre.append(el("span", "echo-" + line.kind, line.text + "\n"));
  box.append(pre);
}

function drawMistakes() {
  const list = $("mistakes");
  for (const mistake of MISTAKES) {
    const button = el("button", "mistake");
    button.type = "button";
    button.dataset.mistake = mistake.id;
    button.append(el("code", "", mistake.code));
    button.addEventListener("click", () => run({ mistake: mistake.id }));
    const li = el("li");
    li.append(button, el("span", "mistake-why", mistake.explain));
    list.append(li);
  }
}

async function start() {
  try {
    await init();
    performance.mark("engine-loaded");
  } catch (err) {
    $("loading").textContent = "";
    const box = $("load-error");
    box.hidden = false;
    box.append(el("p", "", "The lab's WebAssembly engine could not be loaded, so nothing can run."));
    box.append(el("pre", "", String(err && err.message ? err.message : err)));
    box.append(el("p", "", "Try a current Chrome, Firefox or Safari, and make sure the page is served over http (not opened as a file)."));
    return;
  }
  drawMistakes();
  $("run-next").addEventListener("click", () => {
    const next = nextMainIndex();
    if (next < MAIN_STEPS.length) run({ main: next });
  });
  $("back").addEventListener("click", back);
  $("start-over").addEventListener("click", startOver);
  lab = replay(history);
  draw();
  $("loading").remove();
  $("lab").hidden = false;
  document.body.dataset.ready = "true";
  performance.mark("lab-ready");
}

start();
