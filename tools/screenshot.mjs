// Screenshots of the release page for the README: runs the first N lines of main() and saves a PNG.
//
//   node tools/screenshot.mjs LINES OUT.png [--mistake ID]     (after make build)

import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchOptions } from "./chromium.mjs";

const [lines, out] = [Number(process.argv[2] ?? 0), process.argv[3] ?? "screenshot.png"];
const mistake = process.argv.includes("--mistake") ? process.argv[process.argv.indexOf("--mistake") + 1] : null;
const server = await serve("www");
const browser = await chromium.launch(launchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  for (let i = 0; i < lines; i++) await page.click("#run-next");
  if (mistake) {
    await page.click(".mistakes-box summary");
    await page.click(`[data-mistake=${mistake}]`);
  }
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.close();
}
