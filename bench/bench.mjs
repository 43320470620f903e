// `make bench`: prints, in one run, the page's weight, its cold start, and CRUD speed for 10,000
// users inside wasm, from JS one call per row, natively, and with sql.js (the peer), with the
// ratios. It asserts nothing about time: figures only. Budgets are in DEVELOPERS.md.
//
//   node bench/bench.mjs [--rows N] [--starts N]    (after make build build-bench)

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { serve } from "../tools/serve.mjs";
import { launchOptions } from "../tools/chromium.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("--rows", 10_000);
const STARTS = arg("--starts", 9);
const BUDGET_KB = 350;

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
const ms = (t) => t.toFixed(1).padStart(8);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function sizes(files) {
  const out = [];
  for (const file of files) {
    const body = await readFile(file);
    out.push({
      file,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return out;
}

function printSizes(title, rows) {
  console.log(`\n${title}`);
  console.log("  file                               raw KB  gzip KB  brotli KB");
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) {
    console.log(`  ${r.file.padEnd(32)} ${kb(r.raw)}  ${kb(r.gzip)}   ${kb(r.brotli)}`);
    for (const k of Object.keys(total)) total[k] += r[k];
  }
  console.log(`  ${"total".padEnd(32)} ${kb(total.raw)}  ${kb(total.gzip)}   ${kb(total.brotli)}`);
  return total;
}

/** Navigation start → performance mark "lab-ready", in fresh browser contexts; the median. */
async function coldStart(browser, url) {
  const times = [];
  for (let i = 0; i < STARTS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 30_000 });
    times.push(await page.evaluate(() => performance.getEntriesByName("lab-ready")[0].startTime));
    await context.close();
  }
  return { median: median(times), min: Math.min(...times) };
}

const TYPED_LINES = arg("--lines", 500);

/** Types TYPED_LINES console lines into the page, one at a time as a learner does, and times
 * Enter → the terminal showing the line's output (run, undo snapshot, redraw), around line 10 and
 * at the end: the cost of a step must not grow with the session. */
async function typedLines(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  const setup = ["from src.db import Database", "from src.models.user import User", 'db = Database("sqlite.db")', "db.create_tables()", 'db.create_user(User(name="Ann"))'];
  for (const line of setup) {
    await page.fill("#terminal-input", line);
    await page.press("#terminal-input", "Enter");
  }
  const times = [];
  for (let i = 1; i <= TYPED_LINES; i++) {
    // The same work every time (a read and a listing), so what grows is only the session itself.
    const line = i % 2 ? "db.get_user(1)" : "ls";
    await page.fill("#terminal-input", line);
    times.push(
      await page.evaluate((text) => {
        const output = document.getElementById("terminal-output");
        const before = output.lastElementChild;
        const start = performance.now();
        document.getElementById("terminal-form").requestSubmit();
        if (output.lastElementChild === before) throw new Error(`no output for ${text}`);
        return performance.now() - start;
      }, line),
    );
  }
  await context.close();
  return { early: median(times.slice(7, 12)), late: median(times.slice(-5)) };
}

/** Runs each micro-program with `python bench.py` in a fresh Lab of the page's own engine. */
async function pythonInPage(browser, url, programs) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  const times = await page.evaluate(async (programs) => {
    const { Lab } = await import("./pkg/alembic_lab.js");
    const out = {};
    for (const [label, source] of programs) {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const lab = new Lab();
        lab.writeFile("bench.py", source);
        const start = performance.now();
        const result = lab.run("python bench.py");
        const took = performance.now() - start;
        lab.free();
        // On a slow machine a program can reach the lab's own run budget: a figure, not a failure.
        if (!result.ok && String(result.output).includes("the lab stopped this program after")) {
          best = null;
          break;
        }
        if (!result.ok) throw new Error(`${label}: ${result.output}`);
        best = Math.min(best, took);
      }
      out[label] = best;
    }
    return out;
  }, programs);
  await page.close();
  return times;
}

/** bench/orm_crud.py with `python orm_crud.py ROWS` in a Lab of the page's own engine. */
async function ormInPage(browser, url, source, rows) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  const output = await page.evaluate(async ([source, rows]) => {
    const { Lab } = await import("./pkg/alembic_lab.js");
    const lab = new Lab();
    lab.setPythonBudget(600_000);
    lab.setStatementBudget(60_000);
    lab.writeFile("orm_crud.py", source);
    const result = lab.run(`python orm_crud.py ${rows}`);
    lab.free();
    if (!result.ok) throw new Error(result.output.join("\n"));
    return result.output;
  }, [source, rows]);
  await page.close();
  return output.split("\n").map((line) => line.split("\t"));
}

function nativeCrud() {
  const out = execFileSync(
    "cargo",
    ["run", "--release", "--quiet", "--example", "crud_bench", "--", "--json", "--rows", String(ROWS)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out.trim().split("\n").at(-1));
}

// The release page as served (target/site: JS minified by tools/release.mjs).
const pkgFiles = (await readdir("target/site/pkg")).filter((f) => f.endsWith(".wasm") || f.endsWith(".js"));
const pageJs = (await readdir("target/site")).filter((f) => f.endsWith(".js"));
const lab = printSizes("Page weight: the lab's wasm and all of its JS (minified, as served)", await sizes([
  ...pkgFiles.map((f) => join("target/site/pkg", f)),
  ...pageJs.map((f) => join("target/site", f)),
]));
const peer = printSizes("sql.js 1.16 (wasm + js), the peer", await sizes([
  "node_modules/sql.js/dist/sql-wasm.wasm",
  "node_modules/sql.js/dist/sql-wasm.js",
]));
console.log(`  page gzip ${(lab.gzip / 1024).toFixed(1)} KB against a budget of ${BUDGET_KB} KB; ` +
  `${((lab.gzip / peer.gzip) * 100).toFixed(0)} % of sql.js`);

const server = await serve("target/site", 0, { "/bench/": "bench", "/bench-pkg/": "target/bench-pkg", "/sqljs/": "node_modules/sql.js/dist" });
const browser = await chromium.launch(launchOptions());
try {
  console.log(`\nCold start, navigation → ready, headless Chromium on loopback (median of ${STARTS}, ms)`);
  const labStart = await coldStart(browser, server.url);
  const peerStart = await coldStart(browser, `${server.url}bench/sqljs-start.html`);
  console.log(`  lab page (engine loaded, lab drawn)      ${ms(labStart.median)}   (best ${labStart.min.toFixed(1)}; budget ≤ 60)`);
  console.log(`  sql.js (loaded, empty db, users table)   ${ms(peerStart.median)}   (best ${peerStart.min.toFixed(1)})`);

  const page = await browser.newPage();
  await page.goto(`${server.url}bench/crud.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
  const web = await page.evaluate((rows) => window.runCrud(rows), ROWS);
  const native = nativeCrud();

  console.log(`\nCRUD, ${ROWS} users, one call per row, best of 3 (ms)`);
  const phases = ["insert", "get", "update", "delete"];
  const sum = (r) => phases.reduce((t, p) => t + r[p], 0);
  const rows = [
    ["lab Database, inside wasm", web.inWasm],
    ["lab Database, from JS per row", web.fromJs],
    ["lab Database, native", native.database],
    ["plain rusqlite, native", native.rusqlite],
    ["sql.js prepared statements", web.sqlJs],
    ["sql.js, journal in memory", web.sqlJsTuned],
  ];
  console.log(`  ${"".padEnd(32)}${phases.map((p) => p.padStart(9)).join("")}     total`);
  for (const [label, r] of rows) {
    console.log(`  ${label.padEnd(32)}${phases.map((p) => ms(r[p]).padStart(9)).join("")}  ${ms(sum(r))}`);
  }
  const ratio = (a, b) => (sum(a) / sum(b)).toFixed(2);
  console.log("\nRatios (total time; lower is faster)");
  console.log(`  inside wasm / lab Database native     ${ratio(web.inWasm, native.database)}   (budget ≤ 2)`);
  console.log(`  inside wasm / plain rusqlite native   ${ratio(web.inWasm, native.rusqlite)}`);
  console.log(`  from JS / sql.js, journal in memory   ${ratio(web.fromJs, web.sqlJsTuned)}   (budget ≤ 1)`);
  console.log(`  from JS / sql.js as shipped           ${ratio(web.fromJs, web.sqlJs)}`);
  console.log(`  inside wasm / sql.js, journal in mem. ${ratio(web.inWasm, web.sqlJsTuned)}`);
  const programs = JSON.parse(await readFile("bench/python-programs.json", "utf8"));
  const pythonTimes = await pythonInPage(browser, server.url, programs);
  console.log("\nThe lab's Python in the page (release build; `python bench.py`, best of 3, ms)");
  for (const [label] of programs) {
    const took = pythonTimes[label];
    console.log(`  ${label.padEnd(38)} ${took === null ? "stopped by the lab's run budget (0.8 s) on this machine" : ms(took)}`);
  }

  const orm = await ormInPage(browser, server.url, await readFile("bench/orm_crud.py", "utf8"), ROWS);
  console.log(`\nORM CRUD as Python in the page (bench/orm_crud.py, ${ROWS} users, ms; CPython's figures: the orm_bench lines above)`);
  for (const [label, took] of orm) console.log(`  ${label.padEnd(20)} ${Number(took).toFixed(1).padStart(9)}`);

  const latency = await typedLines(browser, server.url);
  console.log(`\nTyping in the page's terminal (Enter → the line's output drawn, ms; median of 5 lines)`);
  console.log(`  at line 10   ${ms(latency.early)}`);
  console.log(`  at line ${TYPED_LINES}  ${ms(latency.late)}   ratio ${(latency.late / latency.early).toFixed(2)} (goal ≤ 1.2, and under 50 ms)`);
  console.log("\nNote: each lab call runs the seed's own Database method (src/db.py) through the lab's Python");
  console.log("and its sqlalchemy: a Session per call, update and delete load the row first, every write");
  console.log("commits, every method logs a line; the sql.js and plain rusqlite rows run one bare statement.");
} finally {
  await browser.close();
  await server.close();
}
