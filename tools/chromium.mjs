// How the project starts Chromium for tests and benchmarks: Debian's build (a test tool cannot
// download its own here), headless, with the network chatter that a closed machine refuses turned off.

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-proxy-server",
];

/** Options for playwright-core's `chromium.launch`. */
export function launchOptions() {
  return { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS };
}
