// End-to-end: the RELEASE page (www/ with the wasm-opt'ed build in www/pkg) in Debian's Chromium,
// driven with playwright-core. Clicks through all of main() and checks what a learner sees after
// each line. Run with `make test-e2e` (it builds first) or `node --test e2e/` after `make build`.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { serve } from "../tools/serve.mjs";
import { launchOptions } from "../tools/chromium.mjs";

let server;
let browser;

before(async () => {
  server = await serve("www");
  browser = await chromium.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page on the lab, ready to run, collecting console errors. */
async function openLab() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
  page.on("pageerror", (err) => problems.push(err.message));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return { page, problems };
}

async function users(page) {
  return page.$$eval("#users tbody tr", (rows) =>
    rows.map((r) => ({ cells: [...r.cells].map((c) => c.textContent), cls: r.className })),
  );
}

const text = (page, selector) => page.textContent(selector);

test("the release page runs main() line by line and shows each effect", async () => {
  const { page, problems } = await openLab();
  const runNext = () => page.click("#run-next");

  assert.match(await text(page, "#source li.next"), /with Database\("sqlite.db"\) as db:/);
  assert.match(await text(page, "#progress"), /0 of 11/);

  await runNext(); // with Database(...) as db:
  assert.match(await text(page, "#users"), /no users table yet/);
  assert.match(await text(page, "#sql"), /sent no SQL/);

  await runNext(); // db.create_tables()
  const sql = await text(page, "#sql");
  assert.match(sql, /PRAGMA main\.table_info\("users"\)/);
  assert.ok(sql.includes("CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\tPRIMARY KEY (id)\n)"));
  assert.match(await text(page, "#users"), /The users table is empty/);

  const names = ["John Doe", "Jane Doe", "Jack Doe", "Jill Doe"];
  for (let i = 0; i < names.length; i++) {
    await runNext(); // db.create_user(User(name=...))
    const rows = await users(page);
    assert.deepEqual(rows.map((r) => r.cells), names.slice(0, i + 1).map((n, j) => [String(j + 1), n]));
    assert.equal(rows.at(-1).cls, "added");
    assert.match(await text(page, "#sql"), new RegExp(`INSERT INTO users \\(name\\) VALUES \\(\\?\\)\\s+\\('${names[i]}',\\)`));
  }

  await runNext(); // user = db.get_user(1)
  assert.match(await text(page, "#sql"), /SELECT users\.id, users\.name\s+FROM users\s+WHERE users\.id = \?\s+\(1,\)/);
  assert.match(await text(page, "#output"), /printed nothing/);

  await runNext(); // print(user)
  assert.equal(await text(page, "#output .printed"), "<User(name=John Doe)>");
  assert.match(await text(page, "#sql"), /sent no SQL/);

  await runNext(); // db.update_user(user_id=user.id, name="John Smith")
  let rows = await users(page);
  assert.deepEqual(rows[0].cells, ["1", "John Smith"]);
  assert.equal(await page.$eval("#users tbody tr:first-child td:nth-child(2)", (td) => td.className), "changed");
  assert.match(await text(page, "#sql"), /UPDATE users SET name=\? WHERE users\.id = \?\s+\('John Smith', 1\)/);

  await runNext(); // db.delete_user(user_id=user.id)
  rows = await users(page);
  assert.deepEqual(rows.filter((r) => r.cls !== "removed").map((r) => r.cells[1]), ["Jane Doe", "Jack Doe", "Jill Doe"]);
  assert.deepEqual(rows.filter((r) => r.cls === "removed").map((r) => r.cells), [["1", "John Smith"]]);
  assert.match(await text(page, "#sql"), /DELETE FROM users WHERE users\.id = \?\s+\(1,\)/);

  await runNext(); // db.drop_tables()
  assert.match(await text(page, "#users"), /drop_tables\(\) removed the users table/);
  assert.match(await text(page, "#sql"), /DROP TABLE users/);
  assert.equal(await page.isDisabled("#run-next"), true);
  assert.match(await text(page, "#progress"), /11 of 11/);

  await page.click("#back"); // undo drop_tables(): the three users are back
  rows = await users(page);
  assert.deepEqual(rows.filter((r) => r.cls !== "removed").map((r) => r.cells), [["2", "Jane Doe"], ["3", "Jack Doe"], ["4", "Jill Doe"]]);
  assert.match(await text(page, "#source li.next"), /db\.drop_tables\(\)/);

  await page.screenshot({ path: "target/e2e-after-main.png" });
  assert.deepEqual(problems, []);
  await page.close();
});

test("mistakes show the error's class, message and a hint, and Back undoes them", async () => {
  const { page, problems } = await openLab();
  await page.click(".mistakes-box summary");

  await page.click("[data-mistake=unknown-field]"); // before the with line: no db yet
  assert.equal(await text(page, "#output .error"), "NameError: name 'db' is not defined");

  for (let i = 0; i < 4; i++) await page.click("#run-next"); // with, create_tables, John, Jane
  await page.click("[data-mistake=unknown-field]");
  assert.equal(await text(page, "#output .error"), "AttributeError: User does not have attribute email");
  assert.match(await text(page, "#output .hint"), /attributes the User model has/);

  await page.click("[data-mistake=missing-user]");
  assert.equal(await text(page, "#output .error"), "sqlalchemy.orm.exc.UnmappedInstanceError: Class 'builtins.NoneType' is not mapped");

  await page.click("[data-mistake=null-name]");
  assert.equal(
    await text(page, "#output .error"),
    "sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError) NOT NULL constraint failed: users.name",
  );
  assert.match(await text(page, "#sql"), /\(None,\)\s+ROLLBACK/);
  assert.deepEqual((await users(page)).map((r) => r.cells[1]), ["John Doe", "Jane Doe"]);

  await page.click("#run-next"); // Jack: refused until rollback
  assert.match(await text(page, "#output .error"), /^sqlalchemy\.exc\.PendingRollbackError: This Session's transaction has been rolled back/);
  assert.match(await text(page, "#output .hint"), /db\.session\.rollback\(\)/);

  await page.click("#back");
  await page.click("[data-mistake=rollback]");
  assert.match(await text(page, "#output"), /printed nothing/);
  await page.click("#run-next");
  assert.deepEqual((await users(page)).map((r) => r.cells[1]), ["John Doe", "Jane Doe", "Jack Doe"]);

  await page.click("#start-over");
  assert.match(await text(page, "#progress"), /0 of 11/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a page whose wasm cannot load says so instead of staying blank", async () => {
  const page = await browser.newPage();
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "missing" }));
  await page.goto(server.url);
  await page.waitForSelector("#load-error:not([hidden])", { timeout: 30_000 });
  assert.match(await text(page, "#load-error"), /could not be loaded/);
  await page.close();
});
