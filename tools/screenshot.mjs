// Screenshots of the release page for the README: runs the first N walkthrough steps (in a fresh
// browser profile; each typed for the learner, then Next, the last one left on the card with its
// result) and saves a PNG, optionally after showing a tab.
//
//   node tools/screenshot.mjs STEPS OUT.png [--tab tables|sql|files] [--scale 1]   (after make build)

import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchOptions } from "./chromium.mjs";

const [lines, out] = [Number(process.argv[2] ?? 0), process.argv[3] ?? "screenshot.png"];
const tab = process.argv.includes("--tab") ? process.argv[process.argv.indexOf("--tab") + 1] : null;
const server = await serve("target/site");
const browser = await chromium.launch(launchOptions());
try {
  const width = Number(process.env.WIDTH ?? 1280);
  const scale = process.argv.includes("--scale") ? Number(process.argv[process.argv.indexOf("--scale") + 1]) : 1;
  const page = await browser.newPage({ viewport: { width, height: Number(process.env.HEIGHT ?? 860) }, deviceScaleFactor: scale });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  for (let i = 0; i < lines; i++) {
    if (i > 0) await page.click("#next-step");
    await page.click("#type-step");
    await page.waitForFunction(() => !document.querySelector("#next-step").disabled || !document.querySelector("#step-stuck").hidden);
  }
  if (tab) await page.click(`#tab-${tab}`);
  await page.waitForTimeout(600); // let the current-revision ring finish moving
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.close();
}
