// Fails when the built wasm imports anything from module "env". That happens when SQLite is
// compiled with a flag that removes a C function something still calls: the build is green, but
// the page dies on load. See ../shared/TOOLCHAIN.md ("Flags that break silently").
//
//   node tools/check-env-imports.mjs www/pkg

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

const dir = process.argv[2] ?? "www/pkg";
const files = await readdir(dir);
const wasmFile = files.find((f) => f.endsWith(".wasm"));
const jsFile = files.find((f) => f.endsWith(".js") && !f.endsWith(".d.js"));
if (!wasmFile || !jsFile) {
  console.error(`check-env-imports: no .wasm and .js in ${dir}; build first`);
  process.exit(1);
}
const module = new WebAssembly.Module(await readFile(join(dir, wasmFile)));
const fromEnv = WebAssembly.Module.imports(module).filter((i) => i.module === "env").map((i) => i.name);
const js = await readFile(join(dir, jsFile), "utf8");
const jsImportsEnv = /from\s+['"]env['"]|imports\[['"]env['"]\]/.test(js);
if (fromEnv.length > 0 || jsImportsEnv) {
  console.error(`check-env-imports: ${wasmFile} imports from "env": ${fromEnv.join(", ") || "(see the JS glue)"}`);
  console.error("A SQLite compile flag removed a function that is still called; the page would not load.");
  process.exit(1);
}
console.log(`check-env-imports: ${wasmFile} imports nothing from "env"`);
