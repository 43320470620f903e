// End-to-end: the RELEASE page (target/site: www/ with the wasm-opt'ed build, JS minified) in Debian's Chromium,
// driven with playwright-core. Runs every walkthrough step in order and checks its visible effect,
// Back, reload, download/open of the .db, learner text shown as text, and a bad typed line.
// Run with `make test-e2e` (it builds first) or `node --test e2e/` after `make build`.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../tools/serve.mjs";
import { launchOptions } from "../tools/chromium.mjs";
import { STEPS, CHAPTERS, CHAPTER_STARTS } from "../www/walkthrough.js";

let server;
let browser;

before(async () => {
  server = await serve("target/site");
  browser = await chromium.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser context (empty IndexedDB) on the lab, collecting console errors. */
async function openLab(context) {
  context = context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true }));
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
  page.on("pageerror", (err) => problems.push(err.message));
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return { page, problems, context };
}

const text = (page, selector) => page.textContent(selector);
const lastTerminal = (page) => page.$$eval("#terminal-output pre", (rows) => rows.map((r) => r.textContent).join("\n"));
const graphNodes = (page) => page.$$eval("#graph .rev", (nodes) => nodes.map((n) => ({ id: n.dataset.revision, current: n.classList.contains("current") })));
const tableNames = (page) => page.$$eval("#panel-tables section:not(.dropped) h3", (hs) => hs.map((h) => h.firstChild.textContent));
const rowsOf = (page, table) =>
  page.$$eval(`#panel-tables section:not(.dropped)`, (sections, name) => sections.filter((s) => s.querySelector("h3").firstChild.textContent === name).flatMap((s) => [...s.querySelectorAll("table.rows tbody tr")].map((tr) => tr.textContent)), table);

/** Runs the card's step as the learner would with "Type it for me", and waits for its result. */
async function typeStep(page) {
  await page.click("#type-step");
  await page.waitForFunction(() => !document.querySelector("#next-step").disabled || !document.querySelector("#step-stuck").hidden);
}

/** Runs `count` steps from the card's, moving on after each but the last. */
async function runSteps(page, count) {
  for (let i = 0; i < count; i++) {
    if (i > 0) await page.click("#next-step");
    await typeStep(page);
  }
}

async function showTab(page, tab) {
  await page.click(`#tab-${tab}`);
}

test("every walkthrough step runs on the release page with its visible effect", async () => {
  const { page, problems, context } = await openLab();
  assert.match(await text(page, "#progress-text"), new RegExp(`Step 1 of ${STEPS.length}`));
  assert.equal(await text(page, "#chapter-title"), `1. ${CHAPTERS[0].title}`);
  const checks = {
    'db.create_tables()': async () => assert.deepEqual(await tableNames(page), ["users"]),
    'db.create_user(User(name="Jill Doe"))': async () => {
      assert.equal((await rowsOf(page, "users")).length, 4);
      assert.match(await lastTerminal(page), /INFO:src.db:User <User\(name=Jill Doe\)> created in the database$/);
    },
    "print(user)": async () => assert.match(await lastTerminal(page), /\$ print\(user\)\n<User\(name=John Doe\)>$/),
    "alembic init migrations": async () => {
      await showTab(page, "files");
      const files = await page.$$eval("#file-list .file", (b) => b.map((x) => x.title));
      assert.ok(files.includes("alembic.ini") && files.includes("migrations/env.py"), files.join());
      await showTab(page, "tables");
    },
    "alembic upgrade head": async () => {},
    "alembic history": async () => assert.match(await lastTerminal(page), /<base> -> 3f1a9c2b7d40 \(head\), Add User table$/),
  };
  for (let i = 0; i < STEPS.length; i++) {
    const step = STEPS[i];
    if (i > 0) await page.click("#next-step");
    await typeStep(page);
    assert.equal(await page.isHidden("#step-stuck"), true, `step ${i} (${step.run ?? step.edit.path}) went as the walkthrough expects`);
    const terminal = await lastTerminal(page);
    if (step.run) {
      assert.ok(terminal.includes(`$ ${step.run}`), `step ${i}: ${step.run} shown`);
      const failedLine = /FAILED:|Error: |Error\b.*: /.test(terminal.split(`$ ${step.run}`).at(-1));
      assert.equal(failedLine, Boolean(step.fails), `step ${i} (${step.run}) ${step.fails ? "should fail" : "should succeed"}:\n${terminal.split(`$ ${step.run}`).at(-1)}`);
    }
    if (checks[step.run]) {
      await checks[step.run]();
      delete checks[step.run]; // each check is for the first time its line runs
    }
    // After the first upgrade, the graph marks the current revision.
    if (i > 0 && STEPS[i - 1].run === 'alembic revision --autogenerate -m "Add User table" --rev-id 3f1a9c2b7d40' && step.run === "alembic upgrade head") {
      assert.deepEqual(await graphNodes(page), [{ id: "3f1a9c2b7d40", current: true }]);
      assert.deepEqual(await tableNames(page), ["alembic_version", "users"]);
    }
  }
  await page.click("#next-step");
  assert.match(await text(page, "#progress-text"), /Walkthrough finished/);
  // The end: a recap and three exercises, none reached yet.
  assert.deepEqual(await page.$$eval("#exercises .exercise-list > li .badge", (b) => b.map((x) => x.textContent)), ["not yet", "not yet", "not yet"]);
  const nodes = await graphNodes(page);
  assert.deepEqual(nodes.filter((n) => n.current).map((n) => n.id), ["f7a8b9c0d1e2"]);
  assert.equal(nodes.length, 6);
  await showTab(page, "sql");
  const sql = await text(page, "#panel-sql");
  assert.ok(sql.includes("CREATE TABLE _alembic_tmp_users") && sql.includes("ALTER TABLE _alembic_tmp_users RENAME TO users"), sql);
  await showTab(page, "tables");
  assert.equal((await rowsOf(page, "users")).length, 2, "the batch copy kept both rows");

  // Back undoes the last step: the batch revision is no longer applied.
  await page.click("#back");
  assert.deepEqual((await graphNodes(page)).filter((n) => n.current).map((n) => n.id), ["e69c2a1b4d37"]);

  // Reload: the same state comes back from IndexedDB (saved in a pause after the last change).
  await page.waitForSelector("body[data-saved=true]");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.deepEqual((await graphNodes(page)).filter((n) => n.current).map((n) => n.id), ["e69c2a1b4d37"]);
  assert.match(await text(page, "#progress-text"), new RegExp(`Step ${STEPS.length} of ${STEPS.length}`));
  // Every chapter is ticked in the menu, after the reload too.
  assert.deepEqual(await page.$$eval("#chapters .chapter-link", (b) => b.map((x) => x.textContent.startsWith("✓ "))), CHAPTERS.map(() => true));
  await page.screenshot({ path: "target/e2e-walkthrough-end.png" });
  assert.deepEqual(problems, []);
  await context.close();
});

test("learner text is shown as text, bad lines fail cleanly, and the .db downloads and opens", async () => {
  const { page, problems, context } = await openLab();
  await runSteps(page, 4); // the two imports, db = Database(...), db.create_tables()
  const hostile = "<img src=x onerror=alert(1)>";
  await page.fill("#terminal-input", `db.create_user(User(name="${hostile}"))`);
  await page.press("#terminal-input", "Enter");
  assert.equal(await page.$$eval("#panel-tables td", (tds) => tds.map((t) => t.textContent).find((t) => t.includes("img"))), hostile);
  assert.equal(await page.$$eval("img", (imgs) => imgs.length), 0);

  for (const bad of ["import requests; requests.get('x')", "while True: pass", "x = = 1", "alembic upgrade nowhere"]) {
    await page.fill("#terminal-input", bad);
    await page.press("#terminal-input", "Enter");
    // A block waits for the empty line that ends it, as in Python's REPL.
    if ((await text(page, "#terminal-prompt")) === "...") await page.press("#terminal-input", "Enter");
    const out = await lastTerminal(page);
    assert.match(out.split(`$ ${bad}`).at(-1), /Error|FAILED|the lab stopped this program/, bad);
  }
  await page.fill("#terminal-input", "db.get_user(1)");
  await page.press("#terminal-input", "Enter");
  assert.ok((await lastTerminal(page)).endsWith(`<User(name=${hostile})>`), "the page keeps working");
  await page.press("#terminal-input", "ArrowUp");
  assert.equal(await page.inputValue("#terminal-input"), "db.get_user(1)");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-db")]);
  const path = join(await mkdtemp(join(tmpdir(), "lab-")), "sqlite.db");
  await download.saveAs(path);
  await page.fill("#terminal-input", "db.drop_tables()");
  await page.press("#terminal-input", "Enter");
  assert.deepEqual(await tableNames(page), []);
  await page.setInputFiles("#open-db", path);
  await page.waitForFunction(() => document.querySelectorAll("#panel-tables section:not(.dropped) h3").length === 1);
  assert.deepEqual(await tableNames(page), ["users"]);

  await writeFile(path, "not a database");
  await page.setInputFiles("#open-db", path);
  await page.waitForFunction(() => document.querySelector("#terminal-output").textContent.includes("file is not a database"));
  assert.deepEqual(await tableNames(page), ["users"], "a bad file changes nothing");

  // confirm() is accepted by the dialog handler; the page then reloads.
  await Promise.all([page.waitForEvent("load"), page.click("#reset")]);
  await page.waitForSelector("body[data-ready=true]");
  assert.match(await text(page, "#progress-text"), /Step 1 of/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the Tables view shows a database the learner's own code named, on request", async () => {
  const { page, problems, context } = await openLab();
  await showTab(page, "files");
  await page.click(`#file-list .file[title="main.py"]`);
  await page.fill("#editor", "from sqlalchemy import create_engine, text\nengine = create_engine('sqlite:///blog.db')\nwith engine.begin() as c:\n    c.execute(text('CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT)'))\n    c.execute(text(\"INSERT INTO posts (title) VALUES ('hello <b>')\"))\n");
  await page.fill("#terminal-input", "python main.py");
  await page.press("#terminal-input", "Enter");
  await showTab(page, "tables");
  assert.deepEqual(await page.$$eval(".databases button", (b) => b.map((x) => [x.textContent, x.getAttribute("aria-pressed")])), [["sqlite.db", "true"], ["blog.db", "false"]]);
  assert.equal(await text(page, "#panel-tables .empty"), "The database sqlite.db has no tables yet.");
  await page.click(".databases button:has-text('blog.db')");
  assert.deepEqual(await page.$$eval("#panel-tables .table-view h3", (h) => h.map((x) => x.textContent)), ["posts"]);
  assert.ok((await page.$$eval("#panel-tables table.rows td", (t) => t.map((x) => x.textContent))).includes("hello <b>"), "a value is text, never markup");
  await page.click(".databases button:has-text('sqlite.db')");
  assert.equal(await text(page, "#panel-tables .empty"), "The database sqlite.db has no tables yet.");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an edited file runs with python: its prints are output, its traceback an error", async () => {
  const { page, problems, context } = await openLab();
  await showTab(page, "files");
  await page.click(`#file-list .file[title="main.py"]`);
  await page.fill("#editor", "print({3, 1, 2}, {'a': 1}.keys())\nprint(f'{2.5:.0f} {-0.0}')\nsorted([3, 1, 'x'])\n");
  await page.fill("#terminal-input", "python main.py");
  await page.press("#terminal-input", "Enter");
  const rows = await page.$$eval("#terminal-output pre", (pres) => pres.map((p) => [p.className, p.textContent]));
  const at = rows.findIndex(([, t]) => t === "$ python main.py");
  assert.deepEqual(rows.slice(at + 1), [
    ["t-out", "{1, 2, 3} dict_keys(['a'])\n2 -0.0"],
    ["t-err", "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    sorted([3, 1, 'x'])\n" +
      "TypeError: '<' not supported between instances of 'str' and 'int'"],
  ]);
  // The editor marks the line the traceback names, in the gutter and under the text.
  assert.equal(await page.$eval("#gutter .error", (n) => n.textContent.trim()), "3");
  assert.equal(await text(page, "#editor-error"), "Line 3: TypeError: '<' not supported between instances of 'str' and 'int' (from the last run)");
  assert.equal(await page.$$eval("#highlight .error-band", (b) => b.length), 1);
  assert.equal(await page.$$eval("#gutter span", (s) => s.length), 4, "one number per line");
  // Enter keeps the indentation, one level more after a colon.
  await page.fill("#editor", "");
  await page.click("#editor");
  await page.keyboard.type("def f():");
  await page.keyboard.press("Enter");
  await page.keyboard.type("return 1");
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#editor"), "def f():\n    return 1\n    ");
  // Esc, then Tab, leaves the editor (Tab alone indents).
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  assert.notEqual(await page.evaluate(() => document.activeElement.id), "editor");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the console is Python's REPL: blocks continue with ..., a paste runs whole, values echo", async () => {
  const { page, problems, context } = await openLab();
  const type = async (line) => {
    await page.fill("#terminal-input", line);
    await page.press("#terminal-input", "Enter");
  };
  await type("for i in range(3):");
  assert.equal(await text(page, "#terminal-prompt"), "...");
  await type("    i * 10");
  assert.equal(await text(page, "#terminal-prompt"), "...", "a block goes on until an empty line");
  await type("");
  assert.equal(await text(page, "#terminal-prompt"), "$");
  let rows = await page.$$eval("#terminal-output pre", (pres) => pres.map((p) => [p.className, p.textContent]));
  let at = rows.findIndex(([, t]) => t === "$ for i in range(3):");
  assert.deepEqual(rows.slice(at), [
    ["t-in", "$ for i in range(3):"],
    ["t-more", "...     i * 10"],
    ["t-more", "... "],
    ["t-out", "0\n10\n20"],
  ]);
  // A pasted block arrives whole and runs at once.
  await page.focus("#terminal-input");
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text", "def twice(n):\n    return 2 * n\n\ntwice(21)\n");
    document.querySelector("#terminal-input").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector("#terminal-output").textContent.endsWith("42"));
  await type("twice(x)");
  rows = await page.$$eval("#terminal-output pre", (pres) => pres.map((p) => [p.className, p.textContent]));
  assert.deepEqual(rows.at(-1), ["t-err", "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nNameError: name 'x' is not defined"]);
  await type("clear");
  assert.equal(await page.$$eval("#terminal-output pre", (pres) => pres.length), 0, "clear empties the screen");
  await type("twice(4)");
  assert.ok((await lastTerminal(page)).endsWith("$ twice(4)\n8"), "the session's names last");
  // Back cannot take Python objects back: the session starts afresh, and the page says so.
  await page.click("#back");
  assert.match(await lastTerminal(page), /lab note: after Back, Python at the console starts afresh/);
  await type("twice(4)");
  // CPython 3.11's REPL suggests the builtin slice for it too.
  assert.match(await lastTerminal(page), /NameError: name 'twice' is not defined. Did you mean: 'slice'\?$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a huge value is shown cut and downloads whole, an endless query is stopped, a broken engine is recovered", async () => {
  const { page, problems, context } = await openLab();
  await runSteps(page, 4); // the imports, db = Database(...), db.create_tables()
  // A value too big to hand to the page is shown cut, with its size, and downloads whole.
  const big = await page.evaluate(async () => {
    const { Lab } = await import("./pkg/alembic_lab.js");
    const maker = new Lab();
    maker.exec("CREATE TABLE files (id INTEGER PRIMARY KEY, body BLOB); INSERT INTO files (body) VALUES (zeroblob(5000))");
    return Array.from(maker.exportDb());
  });
  await page.setInputFiles("#open-db", { name: "big.db", mimeType: "application/vnd.sqlite3", buffer: Buffer.from(big) });
  await page.waitForFunction(() => document.querySelector("#panel-tables").textContent.includes("(5,000 bytes)"));
  const [whole] = await Promise.all([page.waitForEvent("download"), page.click("#panel-tables .cell-download")]);
  const { readFile } = await import("node:fs/promises");
  assert.equal((await readFile(await whole.path())).length, 5000, "the whole value downloads");
  // A database whose BEFORE INSERT trigger never ends, made with the lab's own engine.
  const bytes = await page.evaluate(async () => {
    const { Lab } = await import("./pkg/alembic_lab.js");
    const maker = new Lab();
    maker.exec(
      "CREATE TABLE users (id INTEGER NOT NULL, name VARCHAR NOT NULL, PRIMARY KEY (id)); " +
        "CREATE TRIGGER endless BEFORE INSERT ON users BEGIN " +
        "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c); END",
    );
    return Array.from(maker.exportDb());
  });
  await page.setInputFiles("#open-db", { name: "endless.db", mimeType: "application/vnd.sqlite3", buffer: Buffer.from(bytes) });
  await page.waitForFunction(() => document.querySelector("#terminal-output").textContent.includes("# open endless.db"));
  const started = Date.now();
  await page.fill("#terminal-input", 'db.create_user(User(name="Ann"))');
  await page.press("#terminal-input", "Enter");
  await page.waitForFunction(() => document.querySelector("#terminal-output").textContent.includes("an endless query?"), null, { timeout: 10_000 });
  assert.ok(Date.now() - started < 5_000, "stopped well within seconds");
  assert.match(await lastTerminal(page), /the lab stopped this statement after 0\.5 s: an endless query\?/);
  await page.fill("#terminal-input", "ls");
  await page.press("#terminal-input", "Enter");
  assert.match(await lastTerminal(page), /main\.py {2}src\/$/, "the page still answers");

  // An error outside the lab's own (a trap, a bug) is shown with a way on, never swallowed.
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent("error", { error: new Error("the engine broke") })));
  await page.waitForSelector("#trouble:not([hidden])");
  assert.match(await text(page, "#trouble-text"), /Something went wrong inside the lab: the engine broke/);
  assert.match(await text(page, "#trouble-recovered"), /put back as it was before that step/);
  await page.click("#trouble-back");
  assert.ok(await page.$("#trouble[hidden]"), "Back closes the message");
  await page.fill("#terminal-input", "ls");
  await page.press("#terminal-input", "Enter");
  assert.match(await lastTerminal(page), /main\.py {2}src\/$/, "the rebuilt lab answers");
  assert.deepEqual(problems.filter((p) => !p.includes("the engine broke")), []);
  await context.close();
});

test("a page whose wasm cannot load says so instead of staying blank", async () => {
  const page = await browser.newPage();
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "missing" }));
  await page.goto(server.url);
  await page.waitForSelector("#load-error:not([hidden])", { timeout: 30_000 });
  assert.match(await text(page, "#load-error"), /could not be loaded/);
  await page.close();
});

test("the engine starts compiling before the page's modules, and the page still loads when that early start fails", async () => {
  // boot.js compiles the wasm while app.js loads: one fetch of the wasm, not two.
  const { page, problems, context } = await openLab();
  const wasmFetches = await page.evaluate(() => performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".wasm")).length);
  assert.equal(wasmFetches, 1);
  await context.close();
  // A browser or server where the early compile fails: app.js loads the engine itself.
  const fallback = await browser.newContext();
  await fallback.route("**/boot.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "self.labEngine = WebAssembly.compileStreaming(Promise.reject(new Error('no'))).catch(() => null);" }));
  const again = await openLab(fallback);
  await again.page.fill("#terminal-input", "print(6 * 7)");
  await again.page.press("#terminal-input", "Enter");
  await again.page.waitForFunction(() => document.querySelector("#terminal-output").textContent.includes("42"));
  assert.deepEqual([...problems, ...again.problems], []);
  await fallback.close();
});

test("the project downloads as a zip, a share link reproduces it, and the page works offline", async () => {
  const { page, problems, context } = await openLab();
  await runSteps(page, 16); // through alembic init and the sqlalchemy.url edit
  await page.click("#tab-files");
  await page.click('#file-list .file[title="src/models/user.py"]');
  assert.ok(await page.$("#highlight .hl-keyword"), "Python is highlighted");
  assert.equal(await page.$$eval("#highlight span", (s) => s.map((x) => x.textContent).find((t) => t === "class")), "class");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-project")]);
  const zipPath = join(await mkdtemp(join(tmpdir(), "lab-")), "project.zip");
  await download.saveAs(zipPath);
  const { readFile } = await import("node:fs/promises");
  const zip = await readFile(zipPath);
  assert.equal(zip.readUInt32LE(0), 0x04034b50, "a zip file");
  assert.ok(zip.includes(Buffer.from("alembic-lab-project/alembic.ini")));
  assert.ok(zip.includes(Buffer.from("sqlalchemy.url = sqlite:///sqlite.db")));

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("#share");
  await page.waitForFunction(() => location.hash.startsWith("#share="));
  const link = await page.evaluate(() => location.href);
  const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const shared = await other.newPage();
  await shared.goto(link);
  await shared.waitForSelector("body[data-ready=true]");
  assert.match(await text(shared, "#progress-text"), /Step 17 of/);
  await shared.fill("#terminal-input", "cat alembic.ini");
  await shared.press("#terminal-input", "Enter");
  assert.match(await lastTerminal(shared), /sqlalchemy\.url = sqlite:\/\/\/sqlite\.db/);
  await other.close();

  // Offline: once the service worker has cached the page, a reload without network still works.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForSelector("body[data-saved=true]");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  // The card comes back as it was: step 16, run, with its result.
  assert.match(await text(page, "#progress-text"), /Step 16 of/);
  assert.match(await text(page, "#step-result"), /^✓/);
  await context.setOffline(false);
  assert.deepEqual(problems.filter((p) => !p.includes("net::ERR_INTERNET_DISCONNECTED")), []);
  await context.close();
});

test("a 100,000-row table opens and pages without drawing every row", async () => {
  const initSqlJs = (await import("sql.js")).default;
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run("CREATE TABLE users (id INTEGER NOT NULL, name VARCHAR NOT NULL, PRIMARY KEY (id))");
  db.run("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 100000) INSERT INTO users SELECT n, 'User ' || n FROM c");
  const path = join(await mkdtemp(join(tmpdir(), "lab-")), "big.db");
  await writeFile(path, db.export());
  db.close();
  const { page, problems, context } = await openLab();
  const started = Date.now();
  await page.setInputFiles("#open-db", path);
  await page.waitForSelector(".pager-text");
  const opened = Date.now() - started;
  assert.equal((await text(page, ".pager-text")).trim(), "rows 1–200 of 100000");
  assert.equal(await page.$$eval("#panel-tables table.rows tbody tr", (rows) => rows.length), 200);
  await page.click('[aria-label="Next rows of users"]');
  assert.equal((await text(page, ".pager-text")).trim(), "rows 201–400 of 100000");
  assert.equal(await page.$eval("#panel-tables table.rows tbody tr td", (td) => td.textContent), "201");
  console.log(`# opening and drawing 100,000 rows took ${opened} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Opens the chapter menu and starts chapter `c` (its state rebuilt from the steps before it). */
async function startChapter(page, c) {
  if (!(await page.$eval(".chapters-box", (d) => d.open))) await page.click(".chapters-box summary");
  await page.click(`#chapters li:nth-child(${c + 1}) .chapter-link`);
  await page.waitForFunction((title) => document.querySelector("#chapter-title").textContent.endsWith(title), CHAPTERS[c].title);
}

/** Opens a project file in the Files tab and replaces its text with `change(text)`. */
async function editFile(page, path, change) {
  await showTab(page, "files");
  await page.click(`#file-list .file[title="${path}"]`);
  await page.fill("#editor", change(await page.inputValue("#editor")));
}

async function typeLine(page, line) {
  await page.fill("#terminal-input", line);
  await page.press("#terminal-input", "Enter");
}

test("typing a step's line completes it; Type it for me cannot repeat it; the next step's line moves on", async () => {
  const { page, problems, context } = await openLab();
  await typeLine(page, STEPS[0].run);
  assert.match(await text(page, "#step-result"), /^✓ It ran without an error/);
  assert.equal(await page.isDisabled("#type-step"), true, "the step ran: typing it again is not offered");
  assert.equal(await page.isEnabled("#next-step"), true);
  await typeLine(page, "1 + 1");
  assert.match(await text(page, "#progress-text"), /^Step 1 of/, "another line is just run: the step waits");
  await typeLine(page, STEPS[1].run);
  assert.match(await text(page, "#progress-text"), /^Step 2 of/, "the next step's line moves on");
  assert.match(await text(page, "#step-result"), /^✓/);
  await page.click("#next-step");
  assert.match(await text(page, "#progress-text"), /^Step 3 of/);
  assert.equal(await text(page, "#step-result"), "");
  assert.equal(await page.isEnabled("#type-step"), true);
  const terminal = await lastTerminal(page);
  assert.equal(terminal.split(`$ ${STEPS[0].run}\n`).length, 2, "the first step ran once");
  // Back returns to the step before the last line ran, with its result.
  await page.click("#back");
  assert.match(await text(page, "#progress-text"), /^Step 1 of/);
  assert.match(await text(page, "#step-result"), /^✓/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the Tables view shows each table's columns even with no rows, and marks what a step changed", async () => {
  const { page, problems, context } = await openLab();
  await startChapter(page, 3); // Evolve the schema
  assert.match(await lastTerminal(page), /the project was rebuilt by running the 25 walkthrough steps before it/);
  const schema = () => page.$$eval("#panel-tables section:not(.dropped) table.schema tbody tr", (trs) => trs.map((tr) => [tr.className, ...[...tr.cells].map((td) => td.textContent)]));
  assert.deepEqual(await schema(), [["", "version_num", "VARCHAR(32)", "NOT NULL", "PK"], ["", "id", "INTEGER", "NOT NULL", "PK"], ["", "name", "VARCHAR", "NOT NULL", ""]]);
  await runSteps(page, 3); // edit the model, autogenerate, upgrade head
  assert.deepEqual((await schema()).at(-1), ["added", "email", "VARCHAR(120)", "NULL", ""]);
  await page.click("#next-step");
  await typeStep(page); // alembic downgrade -1
  assert.deepEqual((await schema()).at(-1), ["removed", "email", "VARCHAR(120)", "NULL", ""], "a dropped column shows struck out once");
  assert.equal(await page.$eval("#panel-tables tr.removed td", (td) => getComputedStyle(td).textDecorationLine), "line-through");
  assert.match(await text(page, "#step-notice"), /^Look \(Tables tab\)/);
  // The chapter's goal is drawn from a scratch lab that ran the chapter: two revisions in a line.
  await page.click("#show-goal");
  assert.equal(await page.$$eval("#goal-graph .rev", (n) => n.length), 2);
  assert.match(await text(page, "#goal-tables"), /users \(id INTEGER PK, name VARCHAR NOT NULL, email VARCHAR\(120\)\)/);
  await page.click("#show-solution");
  assert.equal(await page.$$eval("#solution-text li", (li) => li.length), CHAPTERS[3].steps.length);
  // The next step's note names the SQL tab: it gets a badge until opened.
  await startChapter(page, 0);
  await runSteps(page, 4);
  assert.equal(await page.$eval("#tab-sql", (t) => t.classList.contains("news")), true);
  await showTab(page, "sql");
  assert.equal(await page.$eval("#tab-sql", (t) => t.classList.contains("news")), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a step that goes otherwise than the walkthrough expects stops it, and Reset this chapter rebuilds it", async () => {
  const { page, problems, context } = await openLab();
  await startChapter(page, 2); // The first revision
  await typeStep(page); // autogenerate
  await page.click("#next-step");
  await typeLine(page, "db.create_tables()"); // behind Alembic's back
  await typeStep(page); // alembic upgrade head: should work, fails
  assert.equal(await page.isVisible("#step-stuck"), true);
  assert.match(await text(page, "#stuck-text"), /should have worked, but it failed: .*table users already exists/);
  assert.equal(await page.isDisabled("#next-step"), true);
  await page.click("#stuck-reset");
  assert.equal(await page.isHidden("#step-stuck"), true);
  assert.match(await text(page, "#progress-text"), new RegExp(`^Step ${CHAPTER_STARTS[2] + 1} of`));
  assert.deepEqual(await graphNodes(page), []);
  // Chapter 2's autogenerate made alembic_version (run_migrations ensures it); users is gone again.
  assert.deepEqual(await tableNames(page), ["alembic_version"]);
  // The other way round: the pitfall's upgrade is meant to fail; with the tables dropped first, it works.
  await startChapter(page, 4); // The create_all pitfall
  await runSteps(page, 6); // … db.create_tables()
  await page.click("#next-step");
  await typeLine(page, "db.drop_tables()");
  await typeStep(page); // alembic upgrade head
  assert.equal(await page.isVisible("#step-stuck"), true);
  assert.match(await text(page, "#stuck-text"), /^This step should have failed, but it ran without an error/);
  await page.click("#stuck-back");
  assert.equal(await page.isHidden("#step-stuck"), true);
  assert.equal(await page.isEnabled("#type-step"), true, "Back: the step can be run again");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the revision graph keeps the current revision in view after 30 more revisions, collapses straight runs past 50, zooms", async () => {
  const { page, problems, context } = await openLab();
  await startChapter(page, 2);
  await runSteps(page, 2); // autogenerate, upgrade head
  for (let i = 1; i <= 30; i++) await typeLine(page, `alembic revision -m "step ${i}"`);
  await typeLine(page, "alembic upgrade head");
  assert.equal((await graphNodes(page)).length, 31);
  // The ring travels through each revision the upgrade ran: 30 stops after where it started.
  const stops = () => page.$eval("#graph .current-ring", (ring) => ring.getAnimations().map((a) => a.effect.getKeyframes().length));
  assert.deepEqual(await stops(), [31]);
  const inView = () =>
    page.evaluate(() => {
      const box = document.querySelector("#graph-box").getBoundingClientRect();
      const node = document.querySelector("#graph .rev.current").getBoundingClientRect();
      return node.top >= box.top && node.bottom <= box.bottom && node.left >= box.left && node.right <= box.right;
    });
  assert.equal(await inView(), true, "the head is in view after upgrading to it");
  await typeLine(page, "alembic downgrade -29");
  assert.equal(await inView(), true, "and the revision downgraded to");
  assert.deepEqual(await stops(), [30]);
  assert.equal(await page.isVisible("#graph-legend"), true);
  // Past 50 revisions, straight runs are drawn as one node; clicking it shows them.
  for (let i = 31; i <= 52; i++) await typeLine(page, `alembic revision -m "step ${i}"`);
  const collapsed = await page.$$eval("#graph .rev.collapsed", (n) => n.length);
  assert.ok(collapsed >= 1, "a straight run is collapsed");
  assert.ok((await graphNodes(page)).length < 53);
  assert.equal(await inView(), true, "the current revision stays in view");
  await page.click("#graph .rev.collapsed");
  assert.ok((await page.$$eval("#graph .rev.collapsed", (n) => n.length)) < collapsed);
  // Zoom changes the drawing's size, not its content.
  const width = await page.$eval("#graph", (svg) => Number(svg.getAttribute("width")));
  await page.click("#zoom-out");
  assert.ok((await page.$eval("#graph", (svg) => Number(svg.getAttribute("width")))) < width);
  assert.equal(await text(page, "#zoom-reset"), "80%");
  // Branch labels and depends_on are drawn.
  await typeLine(page, 'alembic revision -m "side" --head base --branch-label side --depends-on 3f1a9c2b7d40');
  assert.ok((await page.$$eval("#graph .label", (l) => l.map((x) => x.textContent.trim()))).includes("@side"));
  assert.equal(await page.$$eval("#graph .edge.depends", (e) => e.length), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard: a skip link to the step, tabs with arrow keys, Tab completion in the terminal", async () => {
  const { page, problems, context } = await openLab();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "step-card");
  await page.focus("#tab-tables");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-sql");
  assert.equal(await page.getAttribute("#tab-sql", "aria-selected"), "true");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-files", "arrows wrap around");
  await page.fill("#terminal-input", "alembic hist");
  await page.press("#terminal-input", "Tab");
  assert.equal(await page.inputValue("#terminal-input"), "alembic history ");
  await page.fill("#terminal-input", "cat src/models/u");
  await page.press("#terminal-input", "Tab");
  assert.equal(await page.inputValue("#terminal-input"), "cat src/models/user.py ");
  await page.fill("#terminal-input", "alembic h");
  await page.press("#terminal-input", "Tab");
  assert.match(await lastTerminal(page), /heads {2}history$/, "several matches are listed");
  await page.press("#terminal-input", "Control+l");
  assert.equal(await page.$$eval("#terminal-output pre", (p) => p.length), 0, "Ctrl+L clears the screen");
  // At a pixel ratio of 1, the input's line box holds an underscore's full depth below the baseline.
  const room = await page.$eval("#terminal-input", (input) => {
    const style = getComputedStyle(input);
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = `${style.fontSize} ${style.fontFamily}`;
    const m = ctx.measureText("_");
    const content = input.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const lineHeight = parseFloat(style.lineHeight);
    // The text sits centred in its line box: the baseline is half the leading below the ascent.
    const below = (Math.min(content, lineHeight) - (m.fontBoundingBoxAscent + m.fontBoundingBoxDescent)) / 2 + m.fontBoundingBoxDescent;
    return { ratio: devicePixelRatio, below, underscore: m.actualBoundingBoxDescent };
  });
  assert.equal(room.ratio, 1);
  assert.ok(room.below >= room.underscore, `an underscore needs ${room.underscore}px below the baseline, the line box has ${room.below}px`);
  // Typed lines come back with ↑ after a reload.
  await typeLine(page, "6 * 7");
  await page.waitForSelector("body[data-saved=true]");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.press("#terminal-input", "ArrowUp");
  assert.equal(await page.inputValue("#terminal-input"), "6 * 7");
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core finds no serious or critical problems on the start page, mid-walkthrough and in free play", async () => {
  // axe is injected as a script, which the page's Content-Security-Policy would refuse.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const { page, problems } = await openLab(context);
  const audit = async (where) => {
    await page.addScriptTag({ path: "node_modules/axe-core/axe.min.js" });
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`), [], where);
  };
  await audit("start page");
  await startChapter(page, 5);
  await runSteps(page, 2);
  await page.click("#show-goal");
  await page.click("#show-hint");
  await showTab(page, "files");
  await audit("mid-walkthrough");
  // Free play: a share link that points past the last step, made by the page's share.js for the
  // page's address (the release page bundles share.js into app.js, so it runs here).
  const { shareLink } = await import("../www/share.js");
  globalThis.location = new URL(page.url());
  const link = await shareLink({ "main.py": "print('hi')\n" }, STEPS.length);
  delete globalThis.location;
  await page.goto("about:blank");
  await page.goto(link);
  await page.waitForSelector("body[data-ready=true]");
  assert.match(await text(page, "#progress-text"), /Walkthrough finished/);
  await audit("free play");
  assert.deepEqual(problems, []);
  await context.close();
});

test("after the last chapter: a recap, and exercises whose goals the page checks", async () => {
  const { page, problems, context } = await openLab();
  await startChapter(page, CHAPTERS.length - 1);
  await runSteps(page, CHAPTERS.at(-1).steps.length);
  await page.click("#next-step");
  assert.match(await text(page, "#progress-text"), /Walkthrough finished/);
  assert.equal(await page.$$eval("#exercises .recap li", (li) => li.length), 5);
  const badges = () => page.$$eval("#exercises .exercise-list > li .badge", (b) => b.map((x) => x.textContent));
  assert.deepEqual(await badges(), ["not yet", "not yet", "not yet"]);
  // Exercise 2, done as a learner would: edit the model, autogenerate, upgrade.
  await editFile(page, "src/models/user.py", (model) => model.replace("mapped_column(String(120))", "mapped_column(String(120), index=True)"));
  await typeLine(page, 'alembic revision --autogenerate -m "Index email"');
  await typeLine(page, "alembic upgrade head");
  assert.deepEqual(await badges(), ["not yet", "✓ goal reached", "not yet"]);
  await showTab(page, "tables");
  assert.match(await text(page, "#panel-tables .indexes li.added"), /INDEX ix_users_email \(email\)/);
  // Exercise 1: a new model file, imported in env.py, autogenerated and applied.
  await showTab(page, "files");
  await page.fill("#new-file-path", "src/models/post.py");
  await page.click("#new-file button");
  assert.equal(await text(page, "#file-path"), "src/models/post.py");
  await page.fill("#editor", [
    "from sqlalchemy import ForeignKey, String",
    "from sqlalchemy.orm import Mapped, mapped_column",
    "",
    "from src.models.base import Base",
    "",
    "",
    "class Post(Base):",
    '    __tablename__ = "posts"',
    "",
    "    id: Mapped[int] = mapped_column(primary_key=True)",
    "    title: Mapped[str] = mapped_column(String(200))",
    '    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))',
    "",
  ].join("\n"));
  await editFile(page, "migrations/env.py", (env) => env.replace("import src.models.user", "import src.models.post  # noqa: F401\nimport src.models.user"));
  await typeLine(page, 'alembic revision --autogenerate -m "Add posts"');
  await typeLine(page, "alembic upgrade head");
  assert.deepEqual(await badges(), ["✓ goal reached", "✓ goal reached", "not yet"]);
  // Exercise 3: a hand-written data migration.
  await typeLine(page, 'alembic revision -m "Add admin" --rev-id a0a0a0a0a0a0');
  await editFile(page, "migrations/versions/a0a0a0a0a0a0_add_admin.py", (revision) => revision
    .replace(/(def upgrade\(\) -> None:\n(?:    """.*"""\n)?)    pass/, '$1    users = sa.table("users", sa.column("name", sa.String))\n    op.bulk_insert(users, [{"name": "Admin"}])')
    .replace(/(def downgrade\(\) -> None:\n(?:    """.*"""\n)?)    pass/, "$1    op.execute(\"DELETE FROM users WHERE name = 'Admin'\")"));
  await typeLine(page, "alembic upgrade head");
  assert.deepEqual(await badges(), ["✓ goal reached", "✓ goal reached", "✓ goal reached"]);
  // An unavailable shell command is said so, in the lab's words.
  await typeLine(page, "pip install requests");
  assert.match(await lastTerminal(page), /not available in this lab: the shell command `pip`/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a real project's migrations, pasted file by file, run in the page", async () => {
  // ihatemoney 7.2.1's revision folder, from its wheel (`make real-projects`), as a learner would
  // paste it: New file, then the text; the names its revisions import get small stand-ins.
  const root = "target/real-projects/ihatemoney/ihatemoney/migrations";
  const names = (await readdir(`${root}/versions`)).filter((n) => n.endsWith(".py")).sort();
  const files = [
    ...(await Promise.all(names.map(async (n) => [`migrations/versions/${n}`, await readFile(`${root}/versions/${n}`, "utf8")]))),
    ["ihatemoney/migrations/utils.py", await readFile(`${root}/utils.py`, "utf8")],
    ["ihatemoney/models.py", 'from enum import Enum\n\n\nclass BillType(Enum):\n    EXPENSE = "Expense"\n    REIMBURSEMENT = "Reimbursement"\n'],
    ["ihatemoney/currency_convertor.py", 'class CurrencyConverter:\n    no_currency = "XXX"\n'],
    ["werkzeug/security.py", 'def generate_password_hash(password):\n    return "hashed:" + password\n'],
  ];
  assert.equal(names.length, 13);
  const { page, problems, context } = await openLab();
  await typeLine(page, "alembic init migrations");
  await editFile(page, "alembic.ini", (ini) => ini.replace("driver://user:pass@localhost/dbname", "sqlite:///sqlite.db"));
  for (const [path, source] of files) {
    await page.fill("#new-file-path", path);
    await page.click("#new-file button");
    assert.equal(await text(page, "#file-path"), path);
    await page.fill("#editor", source);
  }
  // Twenty-odd files scroll the Files list; none is squeezed so that its name is cut.
  const squeezed = await page.$$eval("#file-list > *", (items) => items.filter((i) => i.scrollHeight > i.clientHeight + 1).map((i) => i.textContent));
  assert.deepEqual(squeezed, []);
  await typeLine(page, "alembic history");
  assert.match(await lastTerminal(page), /06884b17c50f -> c941aaca38c2 \(head\), remove ip recording/);
  await typeLine(page, "alembic upgrade head");
  const log = await lastTerminal(page);
  assert.match(log, /Running upgrade 2dcb0c0048dc -> cb038f79982e, sqlite_autoincrement/);
  assert.match(log, /Running wrapper 7a9b38559992 -> 06884b17c50f, fix password hash length/, "the decorated upgrade() is named as Alembic names it");
  const nodes = await graphNodes(page);
  assert.equal(nodes.length, 13);
  assert.deepEqual(nodes.filter((n) => n.current).map((n) => n.id), ["c941aaca38c2"]);
  await showTab(page, "tables");
  for (const table of ["bill", "bill_version", "person", "project", "transaction"]) assert.ok((await tableNames(page)).includes(table), table);
  await typeLine(page, "alembic downgrade base");
  assert.match(await lastTerminal(page), /Running downgrade b9a10d5d63ce -> , Initial migration/);
  assert.deepEqual((await graphNodes(page)).filter((n) => n.current), []);
  assert.deepEqual(problems, []);
  await context.close();
});
