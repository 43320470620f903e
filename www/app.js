// The page: a guided walkthrough and a free console over the lab (Rust in wasm owns all state; this
// file keeps the walkthrough position, the terminal lines and an undo stack of lab snapshots, and
// draws). Every step and typed line can be undone; everything is kept in IndexedDB across reloads.
// Learner data is only ever set with textContent.

import init, { Lab } from "./pkg/alembic_lab.js";
import { CHAPTERS, STEPS, stepCode } from "./walkthrough.js";
import { echoLines } from "./format.js";
import { drawGraph } from "./graph.js";
import { loadState, saveState, clearState } from "./store.js";
import { zipFiles } from "./zip.js";
import { shareLink, readShareLink } from "./share.js";
import { highlight } from "./highlight.js";

const $ = (id) => document.getElementById(id);
const PAGE_ROWS = 200;
// Undo keeps the last UNDO_LIMIT steps, so each step costs the same however long the session.
const UNDO_LIMIT = 40;
// Saving to IndexedDB waits for a pause in typing, at most this long after the last change.
const SAVE_DELAY_MS = 600;

const state = {
  lab: null,
  step: 0, // index into STEPS of the next step to run
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
  state.undo.push({ snapshot, step: state.step, terminalLength: state.terminal.length });
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

function runLine(line) {
  say("in", line);
  return show(safe(() => state.lab.run(line), { ok: false, output: "" }));
}

/** Shows what one console entry printed; `clear` empties the screen. */
function show(result) {
  if (result.clear) state.terminal.length = 0;
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

function runStep() {
  const step = STEPS[state.step];
  if (!step) return;
  change(() => {
    if (step.run) runLine(step.run);
    else if (step.edit) {
      const { path, from, to } = step.edit;
      const text = safe(() => state.lab.readFile(path), null);
      if (text === null) return;
      if (!text.includes(from)) {
        say("err", `${path} no longer contains the text this step changes; edit it yourself, or go Back.`);
      } else {
        safe(() => state.lab.writeFile(path, text.replace(from, to)));
        say("note", `# edited ${path}`);
        state.openFile = path;
      }
    } else if (step.remove) {
      say("in", `rm ${step.remove}`);
      safe(() => state.lab.removeFile(step.remove));
    }
    state.step += 1;
  });
}

function back() {
  const last = state.undo.pop();
  if (!last) return;
  const hadSession = safe(() => state.lab.hasSession(), false);
  safe(() => state.lab.restore(last.snapshot));
  safe(() => state.lab.takeSqlLog());
  state.step = last.step;
  state.terminal.length = last.terminalLength;
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
    if (!more) show(result);
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
  saveState({ snapshot, step: state.step, terminal, undo: state.undo, typed: state.typed.slice(-500), openFile: state.openFile }).then(() => {
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
  drawStep();
  drawTerminal();
  drawGraphView();
  drawTab();
}

function drawStep() {
  const step = STEPS[state.step];
  const done = state.step >= STEPS.length;
  $("progress-bar").style.width = `${(100 * state.step) / STEPS.length}%`;
  $("progress-text").textContent = done ? "Walkthrough finished — the console is yours." : `Step ${state.step + 1} of ${STEPS.length}`;
  const chapter = done ? CHAPTERS.length - 1 : step.chapter;
  $("chapter-title").textContent = `${chapter + 1}. ${CHAPTERS[chapter].title}`;
  $("step-say").textContent = done ? "You have run every step. Type your own lines below: alembic commands, ls, cat, and the tutorial's Python." : step.say || "Next:";
  $("step-code").textContent = done ? "" : stepCode(step);
  $("step-code").hidden = done;
  $("run-step").disabled = done;
  $("back").disabled = state.undo.length === 0;
  const previous = STEPS[state.step - 1];
  $("step-notice").textContent = previous && previous.notice ? `Look: ${previous.notice}` : "";
  const list = $("chapters");
  list.replaceChildren();
  CHAPTERS.forEach((c, i) => {
    const first = STEPS.findIndex((s) => s.chapter === i);
    const li = el("li", state.step > first + c.steps.length - 1 ? "done" : i === chapter ? "current" : "", c.title);
    list.append(li);
  });
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
  const revisions = safe(() => state.lab.revisions(), []);
  $("graph-empty").hidden = revisions.length > 0;
  drawGraph($("graph"), revisions, (r) => {
    state.openFile = r.path;
    state.tab = "files";
    drawTab();
  });
}

function drawTab() {
  for (const tab of ["tables", "sql", "files"]) {
    $(`tab-${tab}`).setAttribute("aria-selected", String(state.tab === tab));
    $(`panel-${tab}`).hidden = state.tab !== tab;
  }
  if (state.tab === "tables") drawTables();
  if (state.tab === "sql") drawSql();
  if (state.tab === "files") drawFiles();
}

/** A value the page was handed cut can be downloaded whole. */
function fullValueButton(table, column, row) {
  const button = el("button", "cell-download", "download");
  button.type = "button";
  button.setAttribute("aria-label", `Download the whole value of ${column}, row ${row + 1} of ${table}`);
  button.addEventListener("click", () => {
    const bytes = safe(() => state.lab.cellBytes(table, column, row), null);
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

/** The tables as shown: one page of rows each. */
function currentTables() {
  const offsets = Object.fromEntries(Object.entries(state.pages).map(([name, page]) => [name, page * PAGE_ROWS]));
  return safe(() => state.lab.tablesWindow(offsets, PAGE_ROWS), []);
}

function drawTables() {
  const box = $("panel-tables");
  box.replaceChildren();
  const tables = currentTables();
  if (!tables.length) {
    box.append(el("p", "empty", "The database has no tables yet."));
    return;
  }
  const before = new Map((state.before ?? []).map((t) => [t.name, t]));
  for (const table of tables) {
    const old = before.get(table.name);
    const section = el("section", "table-view");
    const title = el("h3", "", table.name);
    if (state.before && !old) title.append(el("span", "badge added", "new"));
    section.append(title);
    const key = (row) => JSON.stringify(row[0]);
    const oldRows = new Map((old ? old.rows : []).map((r) => [key(r), r]));
    const page = state.pages[table.name] ?? 0;
    const rows = table.rows;
    const grid = el("table");
    const head = el("tr");
    for (const c of table.columns) head.append(el("th", "", c));
    const thead = el("thead");
    thead.append(head);
    const tbody = el("tbody");
    for (const row of rows) {
      const prev = oldRows.get(key(row));
      const tr = el("tr", state.before && old && !prev ? "added" : "");
      const rowIndex = page * PAGE_ROWS + rows.indexOf(row);
      row.forEach((v, i) => {
        const td = el("td", v === null ? "null" : "", cellText(v));
        if (v && typeof v === "object" && !Array.isArray(v)) td.prepend(fullValueButton(table.name, table.columns[i], rowIndex));
        if (prev && JSON.stringify(prev[i]) !== JSON.stringify(v)) td.classList.add("changed");
        tr.append(td);
      });
      tbody.append(tr);
    }
    if (old && state.before && table.rowCount <= PAGE_ROWS) {
      const now = new Set(table.rows.map(key));
      for (const row of old.rows) {
        if (now.has(key(row))) continue;
        const tr = el("tr", "removed");
        for (const v of row) tr.append(el("td", "", cellText(v)));
        tbody.append(tr);
      }
    }
    grid.append(thead, tbody);
    section.append(table.rows.length || (old && old.rows.length) ? grid : el("p", "empty", "No rows."));
    if (table.rowCount > PAGE_ROWS) {
      const pages = Math.ceil(table.rowCount / PAGE_ROWS);
      const nav = el("div", "pager");
      const prev = el("button", "", "◀");
      prev.disabled = page === 0;
      prev.addEventListener("click", () => ((state.pages[table.name] = page - 1), (state.before = null), drawTables()));
      const next = el("button", "", "▶");
      next.disabled = page >= pages - 1;
      next.addEventListener("click", () => ((state.pages[table.name] = page + 1), (state.before = null), drawTables()));
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

function drawHighlight() {
  const editor = $("editor");
  const pre = $("highlight");
  highlight(pre, editor.value, (editor.dataset.path ?? "").endsWith(".py"));
  pre.scrollTop = editor.scrollTop;
  pre.scrollLeft = editor.scrollLeft;
}

function status(text) {
  $("tool-status").textContent = text;
  setTimeout(() => ($("tool-status").textContent = ""), 4000);
}

// ---- start ----------------------------------------------------------------------------------------

function wire() {
  $("run-step").addEventListener("click", runStep);
  $("back").addEventListener("click", back);
  $("reset").addEventListener("click", reset);
  $("trouble-back").addEventListener("click", () => (($("trouble").hidden = true), back()));
  $("trouble-retry").addEventListener("click", () => ($("trouble").hidden = true));
  $("trouble-reset").addEventListener("click", reset);
  window.addEventListener("pagehide", saveNow);
  for (const tab of ["tables", "sql", "files"]) {
    $(`tab-${tab}`).addEventListener("click", () => {
      state.tab = tab;
      drawTab();
    });
  }
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
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    e.preventDefault();
    state.typedAt = Math.max(0, Math.min(state.typed.length, state.typedAt + (e.key === "ArrowUp" ? -1 : 1)));
    input.value = state.typed[state.typedAt] ?? "";
  });
  $("editor").addEventListener("input", (e) => {
    const path = e.target.dataset.path;
    if (!path) return;
    safe(() => state.lab.writeFile(path, e.target.value));
    drawHighlight();
    persist();
  });
  $("editor").addEventListener("scroll", () => {
    $("highlight").scrollTop = $("editor").scrollTop;
    $("highlight").scrollLeft = $("editor").scrollLeft;
  });
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
    state.escaped = false;
  });
  $("download-project").addEventListener("click", () => {
    const files = safe(() => state.lab.files(), null);
    if (files) download(zipFiles(files, "alembic-lab-project"), "alembic-lab-project.zip", "application/zip");
  });
  $("share").addEventListener("click", async () => {
    const files = safe(() => state.lab.files(), null);
    if (!files) return;
    const link = await shareLink(files, state.step);
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
      Object.assign(state, { step: saved.step, terminal: saved.terminal, undo: saved.undo, typed: saved.typed ?? [], openFile: saved.openFile });
      state.typedAt = state.typed.length;
    } catch {
      state.lab = new Lab(); // a stale or damaged save: start fresh
    }
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
