// A static file server for the release page (target/site/, written by `make build`), used by `make serve`, the end-to-end tests and
// the benchmark. Binds 127.0.0.1 on the given port, or on a free one the system picks.
//
//   node tools/serve.mjs [dir] [port]      prints the URL, serves until stopped
//   import { serve } from "./serve.mjs"    await serve(dir) -> { url, close() }

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

export async function serve(dir, port = 0, extraRoots = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let base = root;
      let rel = path;
      for (const [prefix, otherRoot] of Object.entries(extraRoots)) {
        if (path.startsWith(prefix)) {
          base = resolve(otherRoot);
          rel = path.slice(prefix.length);
        }
      }
      let file = normalize(join(base, rel));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
      });
      res.end(body);
    } catch (err) {
      res.writeHead(err.code === "ENOENT" || err.code === "ENOTDIR" ? 404 : 500, { "Content-Type": "text/plain" });
      res.end(err.code === "ENOENT" || err.code === "ENOTDIR" ? "Not found\n" : "Server error\n");
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "target/site";
  const port = Number(process.argv[3] ?? process.env.PORT ?? 0);
  try {
    let served;
    try {
      served = await serve(dir, port);
    } catch (err) {
      if (err.code !== "EADDRINUSE" || port === 0) throw err;
      console.log(`Port ${port} is busy; using a free one.`);
      served = await serve(dir, 0);
    }
    console.log(`Alembic Lab is served at ${served.url}  (Ctrl+C stops it)`);
  } catch (err) {
    console.error(`Could not serve ${dir} on port ${port}: ${err.message}`);
    process.exit(1);
  }
}
