// Writes the release page from the source page (www/, with the wasm build in www/pkg):
//   index.html, style.css            copied
//   app.js                           app.js and every page module it imports, bundled into one
//                                    minified file: one request instead of ten (about 25 ms of
//                                    the cold start) and a smaller gzip than the parts
//   pkg/alembic_lab.js               the engine's JS glue, minified, kept a module of its own so
//                                    that tests in the page can import the page's engine
//   pkg/alembic_lab_bg.wasm          copied
//   sw.js                            minified (it names these files for offline use)
//   boot.js                          minified: the classic script that starts compiling the wasm
// Each JS file gets a source map beside it that carries the original source, so the browser's
// tools still show www/'s code. esbuild (a pinned dev dependency) bundles and minifies.
//
//   node tools/release.mjs [source] [site]     (defaults: www target/site)

import { copyFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";

const source = process.argv[2] ?? "www";
const site = process.argv[3] ?? "target/site";
const ENGINE_GLUE = "./pkg/alembic_lab.js";

await rm(site, { recursive: true, force: true });
await mkdir(join(site, "pkg"), { recursive: true });
for (const file of ["index.html", "style.css", "pkg/alembic_lab_bg.wasm"]) {
  await copyFile(join(source, file), join(site, file));
}
const common = { format: "esm", minify: true, sourcemap: "linked", target: "es2022", logLevel: "warning" };
await build({ ...common, entryPoints: [join(source, "app.js")], bundle: true, external: [ENGINE_GLUE], outfile: join(site, "app.js") });
await build({ ...common, entryPoints: [join(source, ENGINE_GLUE)], outfile: join(site, ENGINE_GLUE) });
for (const classic of ["sw.js", "boot.js"]) {
  await build({ ...common, entryPoints: [join(source, classic)], format: undefined, outfile: join(site, classic) });
}
console.log(`release page in ${site}: app.js (bundled), pkg/alembic_lab.js, sw.js, boot.js minified with source maps`);
