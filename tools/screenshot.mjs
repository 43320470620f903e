// Screenshots of the release page for the README: runs the first N walkthrough steps (in a fresh
// browser profile) and saves a PNG, optionally after showing a tab.
//
//   node tools/screenshot.mjs STEPS OUT.png [--tab tables|sql|files]     (after make build)

import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchOptions } from "./chromium.mjs";

const [lines, out] = [Number(process.argv[2] ?? 0), process.argv[3] ?? "screenshot.png"];
const tab = process.argv.includes("--tab") ? process.argv[process.argv.indexOf("--tab") + 1] : null;
const server = await serve("www");
const browser = await chromium.launch(launchOptions());
try {
  const width = Number(process.env.WIDTH ?? 1280);
  const page = await browser.newPage({ viewport: { width, height: 860 } });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  for (let i = 0; i < lines; i++) await page.click("#run-step");
  if (tab) await page.click(`#tab-${tab}`);
  await page.waitForTimeout(600); // let the current-revision ring finish moving
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.close();
}
