// The README's screenshots, taken from the release page (after `make build`) as a learner gets
// there: typing steps with "Type it for me", the chapter menu, the terminal and the editor.
//
//   node tools/readme-shots.mjs [docs]

import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchOptions } from "./chromium.mjs";

const dir = process.argv[2] ?? "docs";
const server = await serve("target/site");
const browser = await chromium.launch(launchOptions());

/** A fresh page (empty storage) on the lab, with helpers that act as the learner does. */
async function lab() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  const step = async (count = 1) => {
    for (let i = 0; i < count; i++) {
      if (await page.isEnabled("#next-step")) await page.click("#next-step");
      await page.click("#type-step");
      await page.waitForFunction(() => !document.querySelector("#next-step").disabled || !document.querySelector("#step-stuck").hidden);
    }
  };
  const chapter = async (n) => {
    if (!(await page.$eval(".chapters-box", (d) => d.open))) await page.click(".chapters-box summary");
    await page.click(`#chapters li:nth-child(${n}) .chapter-link`);
    await page.click(".chapters-box summary");
  };
  const type = async (line) => {
    await page.fill("#terminal-input", line);
    await page.press("#terminal-input", "Enter");
  };
  const shot = async (name) => {
    await page.waitForTimeout(1600); // let the current-revision ring arrive
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${dir}/${name}.png` });
    console.log(`saved ${dir}/${name}.png`);
    await context.close();
  };
  return { page, step, chapter, type, shot };
}

try {
  {
    const { page, step, chapter, shot } = await lab();
    await chapter(3);
    await step(2);
    await page.click("#tab-sql");
    await shot("walkthrough-first-upgrade");
  }
  {
    const { step, chapter, shot } = await lab();
    await chapter(4);
    await step(4); // edit, autogenerate, upgrade, downgrade -1: email struck out
    await shot("walkthrough-downgrade-schema");
  }
  {
    const { page, chapter, shot } = await lab();
    await chapter(6);
    await page.click("#show-goal");
    await page.click("#show-hint");
    await shot("walkthrough-goal");
  }
  {
    const { step, chapter, type, shot } = await lab();
    await chapter(3);
    await step(1);
    await type("db.create_tables()");
    await step(1); // alembic upgrade head, which the create_all line made fail
    await shot("walkthrough-stopped");
  }
  {
    const { step, chapter, shot } = await lab();
    await chapter(6);
    await step(7);
    await shot("walkthrough-merge");
  }
  {
    const { page, step, chapter, shot } = await lab();
    await chapter(7);
    await step(9);
    await page.click("#tab-sql");
    await shot("walkthrough-batch");
  }
  {
    const { page, step, chapter, shot } = await lab();
    await chapter(7);
    await step(9);
    await page.click("#next-step");
    await shot("free-play-exercises");
  }
  {
    const { page, chapter, type, shot } = await lab();
    await chapter(7);
    await type("alembic upgrade head");
    for (let i = 1; i <= 60; i++) await type(`alembic revision -m "change ${i}"`);
    await type("alembic upgrade +20");
    await page.fill("#terminal-input", "alembic downgrade ");
    await page.press("#terminal-input", "Tab");
    await shot("graph-60-revisions");
  }
  {
    const { page, type, shot } = await lab();
    await page.click("#tab-files");
    await page.click('#file-list .file[title="main.py"]');
    await page.fill("#editor", "def main():\n    total = 0\n    for n in [1, 2, 'x']:\n        total += n\n    return total\n\nprint(main())\n");
    await type("python main.py");
    await shot("editor-traceback-line");
  }
} finally {
  await browser.close();
  await server.close();
}
