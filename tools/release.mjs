// Writes the release page: every file of the source page (www/, with the wasm build in www/pkg;
// not the TypeScript declarations) copied to the site folder, each JS module minified by terser (compressed, local names
// shortened, exports kept) with a source map beside it that carries the original source, so the
// browser's tools still show www/'s code. Minifying takes a third off the page's gzipped JS.
//
//   node tools/release.mjs [source] [site]     (defaults: www target/site)

import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { minify } from "terser";

const source = process.argv[2] ?? "www";
const site = process.argv[3] ?? "target/site";

async function filesUnder(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (!entry.name.startsWith(".") && !entry.name.endsWith(".d.ts")) found.push(path);
  }
  return found;
}

await rm(site, { recursive: true, force: true });
let before = 0;
let after = 0;
for (const file of await filesUnder(source)) {
  const rel = relative(source, file);
  const target = join(site, rel);
  await mkdir(join(target, ".."), { recursive: true });
  if (!file.endsWith(".js")) {
    await cp(file, target);
    continue;
  }
  const code = await readFile(file, "utf8");
  const name = rel.split("/").pop();
  const result = await minify(code, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    sourceMap: { filename: name, url: `${name}.map`, includeSources: true },
  });
  await writeFile(target, result.code);
  await writeFile(`${target}.map`, result.map);
  before += code.length;
  after += result.code.length;
}
console.log(`release page in ${site}: JS ${(before / 1024).toFixed(1)} KB -> ${(after / 1024).toFixed(1)} KB minified`);
