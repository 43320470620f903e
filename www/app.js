// The page: a guided walkthrough and a free console over the lab (Rust in wasm owns all state; this
// file keeps the walkthrough position, the terminal lines and an undo stack of lab snapshots, and
// draws). Every step and typed line can be undone; everything is kept in IndexedDB across reloads.
// Learner data is only ever set with textContent.

import init, { Lab } from "./pkg/alembic_lab.js";
import { CHAPTERS, STEPS, CHAPTER_STARTS, EXERCISES, stepCode, isStepLine } from "./walkthrough.js";
import { echoLines } from "./format.js";
import { drawGraph, collapseChains, revisionsRun } from "./graph.js";
import { loadState, saveState, clearState } from "./store.js";
import { zipFiles } from "./zip.js";
import { shareLink, readShareLink } from "./share.js";
import { highlight } from "./highlight.js";
import { complete } from "./complete.js";

const $ = (id) => document.getElementById(id);
const PAGE_ROWS = 200;
// Undo keeps the last UNDO_LIMIT steps, so each step costs the same however long the session.
const UNDO_LIMIT = 40;
// Saving to IndexedDB waits for a pause in typing, at most this long after the last change.
const SAVE_DELAY_MS = 600;

const state = {
  lab: null,
  step: 0, // index into STEPS of the step on the card
  outcome: null, // what the card's step did once run: { ok, error }; null until it runs
  ticks: [], // chapters finished, kept across reloads
  news: null, // the view a step's "look" note names, badged until opened
  open: { goal: false, hint: false, solution: false }, // the card's folding parts
  expanded: new Set(), // collapsed runs of the graph the learner opened (by their first revision)
  zoom: 1,
  terminal: [], // { kind: "in" | "more" | "out" | "err" | "note", text }
  undo: [], // { snapshot, step, terminalLength }
  typed: [], // lines typed in the terminal, for ↑ / ↓
  pending: [], // lines of Python typed so far that need more (the `...` prompt)
  typedAt: 0,
  log: [], // SQL the last action ran
  before: null, // tables before the last action
  openFile: null,
  tab: "tables",
  pages: {}, // table name → page number
  viewDatabase: null, // another database the Tables view shows (a file name); null: the lab's own
};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function safe(body, fallback) {
  try {
    return body();
  } catch (err) {
    if (isLabError(err)) say("err", `${err.name}: ${err.message}`);
    else trouble(err);
    return fallback;
  }
}

/** An error the lab reports by design (a Python exception, a bad argument), not a broken engine. */
function isLabError(err) {
  return err instanceof Error && !(err instanceof WebAssembly.RuntimeError) && !/recursive use|busy with another call|unreachable/.test(err.message);
}

/**
 * Something went wrong outside the lab's own errors (a trap in the engine, a bug in this page):
 * it is shown, never swallowed, with a way on. The lab is rebuilt from the last good snapshot,
 * so the learner loses at most the step that failed.
 */
function trouble(err) {
  console.error("Alembic Lab:", err);
  const box = $("trouble");
  if (!box) return;
  $("trouble-text").textContent = `Something went wrong inside the lab: ${err && err.message ? err.message : String(err)}`;
  box.hidden = false;
  const good = state.undo.length ? state.undo[state.undo.length - 1].snapshot : null;
  try {
    const fresh = new Lab();
    if (good) fresh.restore(good);
    state.lab = fresh;
    $("trouble-recovered").textContent = good
      ? "The lab was put back as it was before that step. Retry it, go Back, or reset the lab."
      : "The lab was started afresh. Retry, or reset the lab.";
  } catch (again) {
    console.error("Alembic Lab: recovery failed:", again);
    $("trouble-recovered").textContent = "The engine could not be restarted: reload the page (your last saved state comes back), or reset the lab.";
  }
}

function say(kind, text) {
  if (text !== "" || kind === "more") state.terminal.push({ kind, text });
}

// ---- actions ------------------------------------------------------------------------------------

/** Runs `action` as one undoable change: snapshot before, SQL and tables captured, then saved. */
function change(action) {
  const snapshot = safe(() => state.lab.snapshot(), null);
  if (!snapshot) return;
  state.undo.push({ snapshot, step: state.step, outcome: state.outcome, terminalLength: state.terminal.length });
  if (state.undo.length > UNDO_LIMIT) state.undo.splice(0, state.undo.length - UNDO_LIMIT);
  state.before = currentTables();
  const filesBefore = new Set(Object.keys(safe(() => state.lab.files(), {})));
  action();
  state.log = safe(() => state.lab.takeSqlLog(), []);
  const created = Object.keys(safe(() => state.lab.files(), {})).filter((p) => !filesBefore.has(p) && p.endsWith(".py"));
  if (created.length) state.openFile = created.sort().at(-1);
  draw();
  persist();
}

/** Shows what one console entry printed; `clear` empties the screen. */
function show(result) {
  if (result.clear) state.terminal.length = 0;
  state.errorAt = result.ok ? null : errorPlace(result.output);
  state.travelled = revisionsRun(result.output);
  if (state.errorAt) state.news = state.news ?? "files";
  // What a program printed before its traceback is ordinary output, as in a terminal.
  const traceback = result.ok || !result.output ? -1 : result.output.indexOf("Traceback (most recent call last):");
  if (traceback > 0) {
    say("out", result.output.slice(0, traceback).replace(/\n$/, ""));
    say("err", result.output.slice(traceback));
  } else if (result.output) {
    say(result.ok ? "out" : "err", result.output);
  }
  for (const note of result.notes ?? []) say("note", `lab note: ${note}`);
  return result.ok;
}

/** Where a traceback points in the learner's files: the innermost `File "…", line N` that names
 * a project file, with the error's last line; null when it names none. */
function errorPlace(output) {
  const files = safe(() => state.lab.files(), {});
  const places = [...String(output ?? "").matchAll(/File "([^"]+)", line (\d+)/g)].filter((m) => m[1] in files);
  if (!places.length) return null;
  const [, file, line] = places.at(-1);
  const message = String(output).trimEnd().split("\n").at(-1);
  return { file, line: Number(line), message };
}

// ---- the walkthrough ------------------------------------------------------------------------------

const stepNow = () => STEPS[state.step];
/** The step ran as the walkthrough expects (a `fails` step failed, any other succeeded). */
const asExpected = () => Boolean(state.outcome) && state.outcome.ok === !stepNow().fails;

/** What the card's step did, kept on the card until the learner moves on. */
function settle(ok, output) {
  const step = stepNow();
  // The error in the tool's own words: its last "SomethingError: …" or "FAILED: …" line.
  const lines = String(output ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
  const said = lines.findLast((l) => /^[\w.]*(Error|Exception|FAILED)\b.*:/.test(l)) ?? lines.at(-1) ?? "";
  state.outcome = { ok, error: ok ? "" : said };
  if (!asExpected()) return;
  if (step.look) state.news = step.look;
  if (step.index === CHAPTERS[step.chapter].steps.length - 1 && !state.ticks.includes(step.chapter)) state.ticks.push(step.chapter);
}

/** A line typed at the console (by the learner or by "Type it for me") that is the card's step
 * completes it; the next step's line, typed once this one is done, moves on and completes that. */
function followTyped(entry, result) {
  if (!stepNow()) return;
  if (asExpected() && isStepLine(STEPS[state.step + 1], entry)) {
    state.step += 1;
    state.outcome = null;
  }
  if (!state.outcome && isStepLine(stepNow(), entry)) settle(result.ok, result.output);
}

/** Applies an edit step to `lab`'s file; false when the file no longer holds the text it changes. */
function applyEdit(lab, { path, from, to }) {
  const text = lab.readFile(path);
  if (!text.includes(from)) return false;
  lab.writeFile(path, text.replace(from, to));
  return true;
}

function editStep(step) {
  const { path } = step.edit;
  const applied = safe(() => applyEdit(state.lab, step.edit), false);
  if (applied) {
    say("note", `# edited ${path}`);
    state.openFile = path;
    settle(true, "");
  } else {
    say("err", `${path} no longer contains the text this step changes; edit it yourself, or go Back.`);
    settle(false, `${path} no longer contains the text this step changes`);
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** "Type it for me": the step's line appears in the terminal's input as if typed, then runs. */
async function typeForMe() {
  const step = stepNow();
  if (!step || state.outcome || state.typing) return;
  if (step.edit) return change(() => editStep(step));
  state.typing = true;
  $("type-step").disabled = true;
  const input = $("terminal-input");
  const chunk = Math.max(1, Math.ceil(step.run.length / 16));
  for (let i = chunk; i < step.run.length + chunk; i += chunk) {
    input.value = step.run.slice(0, i);
    await pause(10);
  }
  input.value = "";
  state.typing = false;
  typed(step.run);
}

function next() {
  if (!stepNow() || !asExpected()) return;
  state.step += 1;
  state.outcome = null;
  state.open = { goal: false, hint: false, solution: false };
  draw();
  persist();
  $("terminal-input").focus({ preventScroll: true });
}

/** Runs the walkthrough's steps before STEPS[index] in `lab`, quietly: the state a chapter starts from. */
function replaySteps(lab, index) {
  for (const step of STEPS.slice(0, index)) {
    if (step.run) lab.run(step.run);
    else if (step.edit) applyEdit(lab, step.edit);
  }
  lab.takeSqlLog();
}

/** Opens chapter `c` as it starts: a fresh project with every step before it replayed (undoable). */
function startChapter(c) {
  const index = CHAPTER_STARTS[c];
  change(() => {
    const fresh = safe(() => {
      const lab = new Lab();
      replaySteps(lab, index);
      return lab;
    }, null);
    if (!fresh) return;
    state.lab.free();
    state.lab = fresh;
    state.step = index;
    state.outcome = null;
    state.pending = [];
    state.before = null; // a rebuilt project: nothing to mark as changed by one step
    say("note", `# chapter ${c + 1}, ${CHAPTERS[c].title}: the project was rebuilt by running the ${index} walkthrough steps before it (Back undoes this)`);
  });
  drawPrompt();
  $("step-card").focus();
}

// Where each chapter ends, computed once by running its steps in a scratch lab.
const goals = new Map();
function goalOf(c) {
  if (!goals.has(c)) {
    const end = CHAPTER_STARTS[c] + CHAPTERS[c].steps.length;
    const goal = safe(() => {
      const lab = new Lab();
      try {
        replaySteps(lab, end);
        return { revisions: lab.revisions(), tables: lab.tablesWindow({}, 1) };
      } finally {
        lab.free();
      }
    }, null);
    if (!goal) return null;
    goals.set(c, goal);
  }
  return goals.get(c);
}

/** The lab as the exercises' checks read it. */
function labView() {
  return { tables: tablesNow(), current: safe(() => state.lab.current(), []), revisions: state.revisions ?? [] };
}

function back() {
  const last = state.undo.pop();
  if (!last) return;
  const hadSession = safe(() => state.lab.hasSession(), false);
  safe(() => state.lab.restore(last.snapshot));
  safe(() => state.lab.takeSqlLog());
  state.step = last.step;
  state.outcome = last.outcome ?? null;
  // After `clear` the terminal is shorter than it was: it stays cleared.
  if (last.terminalLength <= state.terminal.length) state.terminal.length = last.terminalLength;
  state.log = [];
  state.before = null;
  state.pending = [];
  if (hadSession) say("note", "lab note: after Back, Python at the console starts afresh: names you defined there are gone (the lab cannot take Python objects back).");
  drawPrompt();
  draw();
  persist();
}

/** One line typed at the terminal. Python that is not complete yet (an open bracket, a block) is
 * kept and the prompt becomes `...`, as in Python's REPL; an empty line ends a block. Shift+Enter
 * adds a line without running; a pasted block runs whole. */
function typed(text, { hold = false } = {}) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const pasted = lines.length > 1;
  if (!state.pending.length && !text.trim()) return;
  for (const line of lines) {
    say(state.pending.length ? "more" : "in", line);
    state.pending.push(line);
  }
  if (text.trim() && !pasted) {
    state.typed.push(text);
    state.typedAt = state.typed.length;
  }
  if (hold) return drawPrompt(), draw();
  // An empty line, or the end of a paste, closes a block as Python's REPL needs.
  const closes = state.pending.length > 1 && (pasted || !lines.at(-1).trim());
  const entry = state.pending.join("\n") + (closes ? "\n" : "");
  let more = false;
  change(() => {
    const result = safe(() => state.lab.run(entry), { ok: false, output: "" });
    more = Boolean(result.more);
    if (!more) {
      show(result);
      followTyped(entry, result);
    }
  });
  if (!more) state.pending = [];
  if (more) state.undo.pop(); // nothing ran: nothing to undo
  drawPrompt();
}

function drawPrompt() {
  $("terminal-prompt").textContent = state.pending.length ? "..." : "$";
}

/** Saves the lab soon, off the path of the line just typed: one save per pause, however fast the typing. */
function persist() {
  clearTimeout(state.saveTimer);
  state.unsaved = (state.unsaved ?? 0) + 1;
  document.body.dataset.saved = "false";
  state.saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
}

function saveNow() {
  clearTimeout(state.saveTimer);
  const changes = state.unsaved;
  if (state.resetting || !changes) return;
  const snapshot = safe(() => state.lab.snapshot(), null);
  if (!snapshot) return;
  const terminal = state.terminal.slice(-2000);
  saveState({ snapshot, step: state.step, outcome: state.outcome, ticks: state.ticks, terminal, undo: state.undo, typed: state.typed.slice(-500), openFile: state.openFile }).then(() => {
    // Saved, unless more changes came in meanwhile (their own save is on its way).
    if (state.unsaved === changes) {
      state.unsaved = 0;
      document.body.dataset.saved = "true";
    }
  });
}

async function reset() {
  if (!confirm("Start over? Your project, database and progress are deleted.")) return;
  state.resetting = true;
  clearTimeout(state.saveTimer);
  await clearState();
  location.reload();
}

function download(bytes, name, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = el("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- drawing ------------------------------------------------------------------------------------

function draw() {
  // Read once per drawing: listing the revisions runs every revision file; the tables are read
  // when first wanted (the Tables view, the exercises' checks).
  state.revisions = safe(() => state.lab.revisions(), []);
  state.tables = null;
  drawStep();
  drawTerminal();
  drawGraphView();
  drawTab();
}

function drawStep() {
  const step = stepNow();
  const done = !step;
  const chapter = done ? CHAPTERS.length - 1 : step.chapter;
  const finishedSteps = state.step + (asExpected() ? 1 : 0);
  $("progress-bar").style.width = `${(100 * finishedSteps) / STEPS.length}%`;
  $("progress-text").textContent = done ? "Walkthrough finished — the console is yours." : `Step ${state.step + 1} of ${STEPS.length} · chapter ${chapter + 1} of ${CHAPTERS.length}`;
  $("chapter-title").textContent = done ? "Free play" : `${chapter + 1}. ${CHAPTERS[chapter].title}`;
  $("chapter-goal").textContent = done ? "" : `Goal: ${CHAPTERS[chapter].goal}`;
  for (const part of ["goal", "hint", "solution"]) {
    $(`show-${part}`).hidden = done;
    $(`show-${part}`).setAttribute("aria-expanded", String(!done && state.open[part]));
  }
  $("goal-view").hidden = done || !state.open.goal;
  if (!done && state.open.goal) drawGoal(chapter);
  $("hint-text").hidden = done || !state.open.hint;
  $("hint-text").textContent = done ? "" : `Hint: ${CHAPTERS[chapter].hint}`;
  $("solution-text").hidden = done || !state.open.solution;
  $("solution-text").replaceChildren(...(done ? [] : CHAPTERS[chapter].steps.map((s) => el("li", "", stepCode(s)))));

  $("step-say").textContent = done ? "You have run every step. Below: what you did, and three exercises to try on your own." : step.say || "Next:";
  $("step-code").textContent = done ? "" : stepCode(step);
  $("step-code").hidden = done;
  $("step-how").textContent = done ? "" : step.edit ? `Make this edit in the Files tab (${step.edit.path}), or let the page do it.` : "Type this line in the terminal below and press Enter, or let the page type it.";
  $("type-step").textContent = step && step.edit ? "Edit it for me" : "Type it for me";
  $("type-step").hidden = done;
  $("type-step").disabled = done || Boolean(state.outcome) || Boolean(state.typing);
  $("next-step").hidden = done;
  $("next-step").disabled = !asExpected();
  $("back").disabled = state.undo.length === 0;

  const result = $("step-result");
  result.className = "result";
  result.textContent = "";
  const stuck = Boolean(state.outcome) && !asExpected();
  if (state.outcome && !stuck) {
    result.classList.add(state.outcome.ok ? "ok" : "failed");
    result.textContent = state.outcome.ok
      ? `✓ ${step.edit ? "Edited" : "It ran without an error"}. Press Next, or type the next step's line.`
      : `✗ It failed, as this step means it to: ${state.outcome.error}\nWhy: ${step.why}.`;
  }
  $("step-notice").textContent = state.outcome && !stuck && step.notice ? `Look${step.look ? ` (${TAB_NAMES[step.look]})` : ""}: ${step.notice}` : "";
  $("step-stuck").hidden = !stuck;
  if (stuck) {
    $("stuck-text").textContent = step.fails
      ? "This step should have failed, but it ran without an error: your project is not what the walkthrough expects here. Go Back to undo it, or reset the chapter to rebuild its starting state."
      : `This step should have worked, but it failed: ${state.outcome.error}. Your project is not what the walkthrough expects here (an edit of yours, or a line run out of order). Go Back to undo it, or reset the chapter to rebuild its starting state.`;
  }
  drawExercises(done);

  const list = $("chapters");
  list.replaceChildren();
  CHAPTERS.forEach((c, i) => {
    const finished = state.ticks.includes(i);
    const li = el("li", i === chapter && !done ? "current" : "");
    const button = el("button", "chapter-link", `${finished ? "✓ " : ""}${c.title}`);
    button.type = "button";
    button.setAttribute("aria-label", `Chapter ${i + 1}, ${c.title}${finished ? ", finished" : ""}: start it`);
    if (i === chapter && !done) button.setAttribute("aria-current", "step");
    button.addEventListener("click", () => startChapter(i));
    li.append(button);
    list.append(li);
  });
}

const TABS = ["tables", "sql", "files"];
const TAB_NAMES = { tables: "Tables tab", sql: "SQL tab", files: "Files tab" };

/** The chapter's goal as Learn Git Branching shows one: the graph and tables it ends with. */
function drawGoal(chapter) {
  const goal = goalOf(chapter);
  const tables = $("goal-tables");
  tables.replaceChildren();
  if (!goal) return;
  drawGraph($("goal-graph"), collapseChains(goal.revisions), null, 0.75);
  if (!goal.tables.length) tables.append(el("li", "muted", "no tables"));
  for (const t of goal.tables) {
    const columns = t.schema.columns.map((c) => `${c.name} ${c.type}${c.primaryKey ? " PK" : c.nullable ? "" : " NOT NULL"}`).join(", ");
    tables.append(el("li", "", `${t.name} (${columns})`));
  }
}

const RECAP = [
  "ran the tutorial's own SQLAlchemy code: engine, Session, add, query, update, delete;",
  "set up Alembic, pointed env.py at the models' MetaData, and saw the empty revision a missing import gives;",
  "autogenerated revisions, upgraded, downgraded (-1, base) and moved relatively (+2);",
  "met the create_all pitfall and fixed it with stamp head;",
  "branched, merged two heads, and altered a column on SQLite with batch mode.",
];

/** After the last step: a recap, and the exercises with their goals checked against the lab. */
function drawExercises(done) {
  const box = $("exercises");
  box.hidden = !done;
  if (!done) return box.replaceChildren();
  const view = labView();
  const recap = el("ul", "recap");
  for (const line of RECAP) recap.append(el("li", "", line));
  const items = el("ol", "exercise-list");
  for (const exercise of EXERCISES) {
    const reached = safe(() => exercise.check(view), false);
    const item = el("li", reached ? "reached" : "");
    item.append(el("strong", "", exercise.title), el("span", `badge ${reached ? "added" : "pending"}`, reached ? "✓ goal reached" : "not yet"));
    item.append(el("p", "", exercise.task));
    const hint = el("details");
    hint.append(el("summary", "", "Hint"), el("p", "", exercise.hint));
    item.append(hint);
    items.append(item);
  }
  box.replaceChildren(el("h3", "", "What you did"), recap, el("h3", "", "Exercises"), el("p", "muted small", "The page checks each goal after every line you run."), items);
}

const TERMINAL_ROWS = 400;
const PROMPTS = { in: "$ ", more: "... " };
const terminalRow = (line) => el("pre", `t-${line.kind}`, (PROMPTS[line.kind] ?? "") + line.text);

/** Draws the terminal's last TERMINAL_ROWS lines: only the new ones when lines were added since
 * the last drawing (so a step costs the same however long the session), all of them otherwise. */
function drawTerminal() {
  const out = $("terminal-output");
  const drawn = state.terminalDrawn;
  const grew = drawn && drawn.count <= state.terminal.length && state.terminal[drawn.count - 1] === drawn.last;
  if (grew) {
    for (const line of state.terminal.slice(Math.max(drawn.count, state.terminal.length - TERMINAL_ROWS))) out.append(terminalRow(line));
    while (out.childElementCount > TERMINAL_ROWS) out.firstElementChild.remove();
  } else {
    out.replaceChildren(...state.terminal.slice(-TERMINAL_ROWS).map(terminalRow));
  }
  state.terminalDrawn = { count: state.terminal.length, last: state.terminal[state.terminal.length - 1] };
  out.scrollTop = out.scrollHeight;
}

function drawGraphView() {
  const revisions = state.revisions ?? [];
  $("graph-empty").hidden = revisions.length > 0;
  $("graph-box").hidden = $("graph-legend").hidden = revisions.length === 0;
  const shown = collapseChains(revisions, state.expanded);
  const current = drawGraph(
    $("graph"),
    shown,
    (r) => {
      if (r.collapsed) {
        state.expanded.add(r.collapsed[0]);
        return drawGraphView();
      }
      state.openFile = r.path;
      state.tab = "files";
      drawTab();
    },
    state.zoom,
    state.travelled ?? [],
  );
  state.travelled = [];
  $("zoom-reset").textContent = `${Math.round(state.zoom * 100)}%`;
  for (const id of ["zoom-out", "zoom-reset", "zoom-in"]) $(id).hidden = revisions.length === 0;
  // Keep the current revision in view however long the graph grows.
  const box = $("graph-box");
  if (current) {
    const top = current.y * state.zoom - box.clientHeight / 2;
    const left = current.x * state.zoom - box.clientWidth / 2;
    box.scrollTo({ top: Math.max(0, top), left: Math.max(0, left) });
  }
}

function drawTab() {
  if (state.news === state.tab) state.news = null;
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    button.setAttribute("aria-selected", String(state.tab === tab));
    button.tabIndex = state.tab === tab ? 0 : -1;
    button.classList.toggle("news", state.news === tab);
    button.title = state.news === tab ? "The last step's note is about this view" : "";
    $(`panel-${tab}`).hidden = state.tab !== tab;
  }
  if (state.tab === "tables") drawTables();
  if (state.tab === "sql") drawSql();
  if (state.tab === "files") drawFiles();
}

/** A value the page was handed cut can be downloaded whole. */
function fullValueButton(table, column, row, database) {
  const button = el("button", "cell-download", "download");
  button.type = "button";
  button.setAttribute("aria-label", `Download the whole value of ${column}, row ${row + 1} of ${table}`);
  button.addEventListener("click", () => {
    const bytes = safe(() => state.lab.cellBytes(table, column, row, database ?? undefined), null);
    if (bytes) download(bytes, `${table}-${column}-${row + 1}.bin`, "application/octet-stream");
  });
  return button;
}

function cellText(value) {
  if (value === null) return "NULL";
  const hex = (bytes) => bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
  if (Array.isArray(value)) return `x'${hex(value)}'`;
  // A value too large to hand to the page comes cut: say so, with its size.
  if (value && typeof value === "object" && "blob" in value) return `(${value.blob.toLocaleString()} bytes) x'${hex(value.head.slice(0, 8))}…'`;
  if (value && typeof value === "object" && "text" in value) return `(${value.length.toLocaleString()} characters) ${value.text.slice(0, 200)}…`;
  return String(value);
}

/** The tables as this drawing shows them, read once (a pager click reads them again). */
function tablesNow() {
  state.tables ??= currentTables();
  return state.tables;
}

/** The tables as shown: one page of rows each, of the lab's database or `database`. */
function currentTables(database) {
  const offsets = Object.fromEntries(Object.entries(state.pages).map(([name, page]) => [name, page * PAGE_ROWS]));
  return safe(() => state.lab.tablesWindow(offsets, PAGE_ROWS, database), []);
}

/** Which database the Tables view shows: the lab's own, or one the learner's code named. */
function shownDatabase() {
  const names = safe(() => state.lab.databaseNames(), []);
  return state.viewDatabase && names.includes(state.viewDatabase) ? state.viewDatabase : null;
}

/** Buttons for the databases the project opened, when it opened more than the lab's own. */
function databasePicker(shown) {
  const main = safe(() => state.lab.databaseName(), "sqlite.db");
  const names = safe(() => state.lab.databaseNames(), []);
  const others = names.filter((n) => n !== main);
  if (!others.length) return null;
  const bar = el("div", "databases");
  bar.append(el("span", "", "Database:"));
  for (const name of [main, ...others]) {
    const current = (shown ?? main) === name;
    const button = el("button", current ? "db current" : "db", name);
    button.setAttribute("aria-pressed", String(current));
    button.addEventListener("click", () => {
      state.viewDatabase = name === main ? null : name;
      state.pages = {};
      state.before = null;
      state.tables = null;
      drawTables();
    });
    bar.append(button);
  }
  return bar;
}

/** One line of a column's shape: type, NULL / NOT NULL, primary key, default, references. */
function columnFacts(column, foreignKeys) {
  const refs = foreignKeys.filter((k) => k.columns.includes(column.name)).map((k) => `→ ${k.refTable}.${k.refColumns[k.columns.indexOf(column.name)]}`);
  return {
    type: column.type || "(no type)",
    nullable: column.nullable ? "NULL" : "NOT NULL",
    key: [column.primaryKey ? "PK" : "", ...refs, column.default !== undefined ? `DEFAULT ${column.default}` : ""].filter(Boolean).join(" "),
  };
}

/** The table's columns with their types and keys, its indexes; what the last step changed in
 * them marked (added, changed, dropped struck out). */
function schemaView(table, old) {
  const grid = el("table", "schema");
  grid.setAttribute("aria-label", `Columns of ${table.name}`);
  const head = el("tr");
  for (const h of ["column", "type", "null", "key"]) head.append(el("th", "", h));
  const thead = el("thead");
  thead.append(head);
  const tbody = el("tbody");
  const oldColumns = new Map((old?.schema?.columns ?? []).map((c) => [c.name, columnFacts(c, old.schema.foreignKeys)]));
  const row = (name, facts, className, was) => {
    const tr = el("tr", className);
    tr.append(el("td", "", name));
    for (const part of ["type", "nullable", "key"]) {
      const td = el("td", "", facts[part]);
      if (was && was[part] !== facts[part]) {
        td.classList.add("changed");
        td.title = `was ${was[part] || "(none)"}`;
      }
      tr.append(td);
    }
    return tr;
  };
  for (const column of table.schema.columns) {
    const facts = columnFacts(column, table.schema.foreignKeys);
    const was = oldColumns.get(column.name);
    tbody.append(row(column.name, facts, old && !was ? "added" : "", was));
  }
  if (old) {
    const now = new Set(table.schema.columns.map((c) => c.name));
    for (const [name, facts] of oldColumns) if (!now.has(name)) tbody.append(row(name, facts, "removed"));
  }
  grid.append(thead, tbody);
  const parts = [grid];
  const describe = (i) => `${i.constraint ? "UNIQUE" : i.unique ? "UNIQUE INDEX" : "INDEX"} ${i.name} (${i.columns.join(", ")})`;
  const oldIndexes = new Set((old?.schema?.indexes ?? []).map(describe));
  const nowIndexes = new Set(table.schema.indexes.map(describe));
  const indexes = el("ul", "indexes");
  for (const text of nowIndexes) indexes.append(el("li", old && !oldIndexes.has(text) ? "added" : "", text));
  if (old) for (const text of oldIndexes) if (!nowIndexes.has(text)) indexes.append(el("li", "removed", text));
  if (indexes.childElementCount) parts.push(indexes);
  return parts;
}

function drawTables() {
  const box = $("panel-tables");
  box.replaceChildren();
  const shown = shownDatabase();
  const picker = databasePicker(shown);
  if (picker) box.append(picker);
  // Another database than the lab's own is shown as it is, without the last step's changes.
  const tables = shown ? currentTables(shown) : tablesNow();
  const marking = shown ? null : state.before;
  const before = new Map((marking ?? []).map((t) => [t.name, t]));
  const dropped = marking ? marking.filter((t) => !tables.some((now) => now.name === t.name)) : [];
  if (!tables.length && !dropped.length) {
    const name = shown ?? safe(() => state.lab.databaseName(), "sqlite.db");
    box.append(el("p", "empty", `The database ${name} has no tables yet.`));
    return;
  }
  for (const table of dropped) {
    const section = el("section", "table-view dropped");
    const title = el("h3", "", table.name);
    title.append(el("span", "badge removed", "dropped"));
    section.append(title, ...schemaView(table, null));
    box.append(section);
  }
  for (const table of tables) {
    const old = before.get(table.name);
    const section = el("section", "table-view");
    const title = el("h3", "", table.name);
    if (marking && !old) title.append(el("span", "badge added", "new"));
    section.append(title, ...schemaView(table, marking ? old ?? null : null));
    const key = (row) => JSON.stringify(row[0]);
    const oldRows = new Map((old ? old.rows : []).map((r) => [key(r), r]));
    const page = state.pages[table.name] ?? 0;
    const rows = table.rows;
    const grid = el("table", "rows");
    grid.setAttribute("aria-label", `Rows of ${table.name}`);
    const head = el("tr");
    for (const c of table.columns) head.append(el("th", "", c));
    const thead = el("thead");
    thead.append(head);
    const tbody = el("tbody");
    // Rows compare column by column by name, so a column added or dropped does not mark every row.
    const oldAt = new Map((old ? old.columns : []).map((c, i) => [c, i]));
    for (const row of rows) {
      const prev = oldRows.get(key(row));
      const tr = el("tr", marking && old && !prev ? "added" : "");
      const rowIndex = page * PAGE_ROWS + rows.indexOf(row);
      row.forEach((v, i) => {
        const td = el("td", v === null ? "null" : "", cellText(v));
        if (v && typeof v === "object" && !Array.isArray(v)) td.prepend(fullValueButton(table.name, table.columns[i], rowIndex, shown));
        const j = oldAt.get(table.columns[i]);
        if (prev && j !== undefined && JSON.stringify(prev[j]) !== JSON.stringify(v)) td.classList.add("changed");
        tr.append(td);
      });
      tbody.append(tr);
    }
    if (old && marking && table.rowCount <= PAGE_ROWS) {
      const now = new Set(table.rows.map(key));
      for (const row of old.rows) {
        if (now.has(key(row))) continue;
        const tr = el("tr", "removed");
        for (const c of table.columns) tr.append(el("td", "", oldAt.has(c) ? cellText(row[oldAt.get(c)]) : ""));
        tbody.append(tr);
      }
    }
    grid.append(thead, tbody);
    const count = el("p", "rows-title", table.rowCount === 1 ? "1 row" : `${table.rowCount.toLocaleString()} rows`);
    section.append(count);
    if (table.rows.length || (old && old.rows.length)) section.append(grid);
    if (table.rowCount > PAGE_ROWS) {
      const pages = Math.ceil(table.rowCount / PAGE_ROWS);
      const nav = el("div", "pager");
      const prev = el("button", "", "◀");
      prev.disabled = page === 0;
      prev.addEventListener("click", () => ((state.pages[table.name] = page - 1), (state.before = null), (state.tables = null), drawTables()));
      const next = el("button", "", "▶");
      next.disabled = page >= pages - 1;
      next.addEventListener("click", () => ((state.pages[table.name] = page + 1), (state.before = null), (state.tables = null), drawTables()));
      prev.setAttribute("aria-label", `Previous rows of ${table.name}`);
      next.setAttribute("aria-label", `Next rows of ${table.name}`);
      const shown = `rows ${page * PAGE_ROWS + 1}–${Math.min(table.rowCount, (page + 1) * PAGE_ROWS)} of ${table.rowCount}`;
      nav.append(prev, el("span", "pager-text", ` ${shown} `), next);
      section.append(nav);
    }
    box.append(section);
  }
}

function drawSql() {
  const box = $("panel-sql");
  box.replaceChildren();
  if (!state.log.length) {
    box.append(el("p", "empty", "The last step sent no SQL."));
    return;
  }
  const pre = el("pre", "sql-log");
  for (const line of echoLines(state.log)) pre.append(el("span", `echo-${line.kind}`, `${line.text}\n`));
  box.append(pre);
}

function drawFiles() {
  const files = safe(() => state.lab.files(), {});
  const list = $("file-list");
  list.replaceChildren();
  const paths = Object.keys(files)
    .filter((p) => !p.endsWith(".gitkeep") && !p.endsWith("__init__.py"))
    .sort((a, b) => (a.includes("/") === b.includes("/") ? a.localeCompare(b) : a.includes("/") ? -1 : 1));
  if (!state.openFile || !(state.openFile in files)) state.openFile = paths.find((p) => p.endsWith("user.py")) ?? paths[0];
  const shownDirs = new Set();
  for (const path of paths) {
    const parts = path.split("/");
    for (let d = 1; d < parts.length; d++) {
      const dir = parts.slice(0, d).join("/");
      if (shownDirs.has(dir)) continue;
      shownDirs.add(dir);
      const label = el("div", "dir", `${parts[d - 1]}/`);
      label.style.paddingLeft = `${0.5 + (d - 1) * 0.9}rem`;
      list.append(label);
    }
    const depth = parts.length - 1;
    const item = el("button", path === state.openFile ? "file open" : "file", path.split("/").at(-1));
    item.type = "button";
    item.title = path;
    item.style.paddingLeft = `${0.5 + depth * 0.9}rem`;
    item.addEventListener("click", () => {
      state.openFile = path;
      drawFiles();
    });
    list.append(item);
  }
  $("file-path").textContent = state.openFile ?? "";
  const editor = $("editor");
  if (editor.dataset.path !== state.openFile || document.activeElement !== editor) {
    editor.value = files[state.openFile] ?? "";
    editor.dataset.path = state.openFile ?? "";
  }
  drawHighlight();
}

/** The highlighted text behind the editor, its line numbers, and the last error's line marked. */
function drawHighlight() {
  const editor = $("editor");
  const pre = $("highlight");
  const path = editor.dataset.path ?? "";
  highlight(pre, editor.value, path.endsWith(".py"));
  const lines = editor.value.split("\n").length;
  const error = state.errorAt && state.errorAt.file === path && state.errorAt.line <= lines ? state.errorAt : null;
  const gutter = $("gutter");
  const numbers = [];
  for (let n = 1; n <= lines; n++) numbers.push(el("span", error && n === error.line ? "error" : "", `${n}\n`));
  gutter.replaceChildren(...numbers);
  $("editor-error").textContent = error ? `Line ${error.line}: ${error.message} (from the last run)` : "";
  if (error) {
    // Inside the scrolling layer, so the band scrolls with the text.
    const band = el("div", "error-band");
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 19;
    band.style.top = `calc(0.5rem + ${(error.line - 1) * lineHeight}px)`;
    pre.append(band);
  }
  syncScroll();
}

function syncScroll() {
  const editor = $("editor");
  $("highlight").scrollTop = $("gutter").scrollTop = editor.scrollTop;
  $("highlight").scrollLeft = editor.scrollLeft;
}

function status(text) {
  $("tool-status").textContent = text;
  setTimeout(() => ($("tool-status").textContent = ""), 4000);
}

// ---- start ----------------------------------------------------------------------------------------

function wire() {
  $("type-step").addEventListener("click", typeForMe);
  const zoomTo = (zoom) => {
    state.zoom = Math.max(0.25, Math.min(2, Math.round(zoom * 100) / 100));
    drawGraphView();
  };
  $("zoom-in").addEventListener("click", () => zoomTo(state.zoom * 1.25));
  $("zoom-out").addEventListener("click", () => zoomTo(state.zoom / 1.25));
  $("zoom-reset").addEventListener("click", () => zoomTo(1));
  // Drag the graph to pan it (the box also scrolls as usual).
  const box = $("graph-box");
  box.addEventListener("pointerdown", (e) => {
    if (e.button !== 0 || e.target.closest(".rev")) return;
    const start = { x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop };
    box.classList.add("panning");
    const move = (m) => box.scrollTo(start.left - (m.clientX - start.x), start.top - (m.clientY - start.y));
    const up = () => {
      box.classList.remove("panning");
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  });
  $("next-step").addEventListener("click", next);
  $("stuck-back").addEventListener("click", back);
  $("stuck-reset").addEventListener("click", () => startChapter(stepNow().chapter));
  for (const part of ["goal", "hint", "solution"]) {
    $(`show-${part}`).addEventListener("click", () => {
      state.open[part] = !state.open[part];
      drawStep();
    });
  }
  $("back").addEventListener("click", back);
  $("reset").addEventListener("click", reset);
  $("trouble-back").addEventListener("click", () => (($("trouble").hidden = true), back()));
  $("trouble-retry").addEventListener("click", () => ($("trouble").hidden = true));
  $("trouble-reset").addEventListener("click", reset);
  window.addEventListener("pagehide", saveNow);
  for (const tab of TABS) {
    $(`tab-${tab}`).addEventListener("click", () => {
      state.tab = tab;
      drawTab();
    });
  }
  // Tabs as the ARIA pattern has them: arrow keys move between them, Home and End to the ends.
  document.querySelector(".tabs").addEventListener("keydown", (e) => {
    const at = TABS.indexOf(state.tab);
    const to = { ArrowRight: (at + 1) % TABS.length, ArrowLeft: (at + TABS.length - 1) % TABS.length, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    state.tab = TABS[to];
    drawTab();
    $(`tab-${state.tab}`).focus();
  });
  const input = $("terminal-input");
  $("terminal-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const line = input.value.trimEnd();
    input.value = "";
    typed(line);
  });
  input.addEventListener("paste", (e) => {
    const text = e.clipboardData?.getData("text") ?? "";
    if (!text.includes("\n")) return;
    e.preventDefault();
    input.value = "";
    typed(text.replace(/\n+$/, ""));
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && e.shiftKey) {
      e.preventDefault();
      const line = input.value.trimEnd();
      input.value = "";
      typed(line, { hold: true });
      return;
    }
    if (e.key === "l" && e.ctrlKey) {
      e.preventDefault();
      state.terminal.length = 0;
      drawTerminal();
      return;
    }
    if (e.key === "Tab" && !e.shiftKey && input.value.trim() && input.selectionStart === input.value.length) {
      const files = Object.keys(safe(() => state.lab.files(), {}));
      const revisions = (state.revisions ?? []).map((r) => r.revision);
      const { line, choices } = complete(input.value, { files, revisions });
      if (line === input.value && !choices.length) return; // nothing to complete: Tab moves on
      e.preventDefault();
      input.value = line;
      if (choices.length) {
        say("in", input.value);
        say("note", choices.join("  "));
        drawTerminal();
      }
      return;
    }
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    e.preventDefault();
    state.typedAt = Math.max(0, Math.min(state.typed.length, state.typedAt + (e.key === "ArrowUp" ? -1 : 1)));
    input.value = state.typed[state.typedAt] ?? "";
  });
  $("editor").addEventListener("input", (e) => {
    const path = e.target.dataset.path;
    if (!path) return;
    safe(() => state.lab.writeFile(path, e.target.value));
    // Making a step's edit by hand completes it, as typing its line does.
    const step = stepNow();
    if (step && step.edit && step.edit.path === path && !state.outcome && e.target.value.includes(step.edit.to)) {
      settle(true, "");
      drawStep();
    }
    drawHighlight();
    persist();
  });
  $("editor").addEventListener("scroll", syncScroll);
  $("editor").addEventListener("keydown", (e) => {
    // Tab indents (four spaces) instead of leaving the editor; Escape, then Tab, moves on.
    if (e.key === "Escape") {
      state.escaped = true;
      return;
    }
    if (e.key === "Tab" && !e.shiftKey && !state.escaped) {
      e.preventDefault();
      document.execCommand("insertText", false, "    ");
    }
    // Enter keeps the line's indentation, one level more after a colon (def, class, if, with…).
    if (e.key === "Enter" && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
      const editor = e.target;
      const start = editor.selectionStart;
      const line = editor.value.slice(editor.value.lastIndexOf("\n", start - 1) + 1, start);
      const indent = line.match(/^[ \t]*/)[0] + (/:\s*(#.*)?$/.test(line) ? "    " : "");
      e.preventDefault();
      document.execCommand("insertText", false, `\n${indent}`);
    }
    state.escaped = false;
  });
  // A new, empty project file (an existing one just opens), as an editor's "new file" does.
  $("new-file").addEventListener("submit", (e) => {
    e.preventDefault();
    const path = $("new-file-path").value.trim().replace(/^\.\//, "");
    if (!path) return;
    const files = safe(() => state.lab.files(), {});
    if (!(path in files)) {
      let made = false;
      change(() => {
        made = safe(() => (state.lab.writeFile(path, ""), true), false);
        if (made) say("note", `# new file ${path}`);
      });
      if (!made) return;
    }
    $("new-file-path").value = "";
    state.openFile = path;
    drawFiles();
    $("editor").focus();
  });
  $("download-project").addEventListener("click", () => {
    const files = safe(() => state.lab.files(), null);
    if (files) download(zipFiles(files, "alembic-lab-project"), "alembic-lab-project.zip", "application/zip");
  });
  $("share").addEventListener("click", async () => {
    const files = safe(() => state.lab.files(), null);
    if (!files) return;
    // The link opens on the step to do next: past the card's step once it has run.
    const link = await shareLink(files, state.step + (stepNow() && asExpected() ? 1 : 0));
    try {
      await navigator.clipboard.writeText(link);
      status("Share link copied.");
    } catch {
      status("Copy this link from the address bar.");
    }
    history.replaceState(null, "", link);
  });
  $("download-db").addEventListener("click", () => {
    const bytes = safe(() => state.lab.exportDb(), null);
    if (bytes) download(bytes, "sqlite.db", "application/vnd.sqlite3");
  });
  $("open-db").addEventListener("change", async (e) => {
    const file = e.target.files && e.target.files[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    change(() => {
      say("in", `# open ${file.name}`);
      safe(() => state.lab.importDb(bytes));
    });
    e.target.value = "";
  });
}

async function start() {
  // Read the saved lab while the engine compiles: both take a while on a cold start.
  const savedState = readShareLink().then((shared) => (shared ? { shared } : loadState().then((saved) => ({ saved }))));
  try {
    const compiled = await self.labEngine; // boot.js started it; null if it could not
    await init(compiled ? { module_or_path: compiled } : undefined);
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
  state.lab = new Lab();
  const { shared = null, saved = null } = await savedState;
  performance.mark("state-loaded");
  if (shared) {
    // A share link: its files and walkthrough position, on a fresh database.
    for (const [path, text] of Object.entries(shared.files)) safe(() => state.lab.writeFile(path, text));
    state.step = Math.max(0, Math.min(STEPS.length, shared.step));
    say("note", "# opened from a share link: the project's files and walkthrough position (the database starts empty)");
    history.replaceState(null, "", location.pathname);
    persist();
  } else if (saved && saved.snapshot) {
    try {
      state.lab.restore(saved.snapshot);
      Object.assign(state, { step: saved.step, outcome: saved.outcome ?? null, ticks: saved.ticks ?? [], terminal: saved.terminal, undo: saved.undo, typed: saved.typed ?? [], openFile: saved.openFile });
      state.typedAt = state.typed.length;
    } catch {
      state.lab = new Lab(); // a stale or damaged save: start fresh
    }
  }
  if (!shared && !(saved && saved.snapshot)) {
    say("note", "# A terminal in the project folder: python FILE, alembic …, ls, cat, rm, and any Python line. Type help for more.");
  }
  window.addEventListener("error", (e) => trouble(e.error ?? e.message));
  window.addEventListener("unhandledrejection", (e) => trouble(e.reason));
  wire();
  draw();
  performance.mark("drawn");
  $("loading").remove();
  $("lab").hidden = false;
  document.body.dataset.ready = "true";
  performance.mark("lab-ready");
  requestAnimationFrame(() => ($("terminal-output").scrollTop = $("terminal-output").scrollHeight));
  if ("serviceWorker" in navigator && (location.protocol === "http:" || location.protocol === "https:")) {
    navigator.serviceWorker.register("sw.js").catch(() => {}); // offline use is a bonus, never an error
  }
}

start();
