// Starts compiling the engine while the page's modules are still loading: a classic script in the
// head runs before the module graph, and compileStreaming compiles the wasm as its bytes arrive
// instead of after the last one (about 40 ms of the cold start). app.js awaits the result; if this
// fails (an old browser, a server without the wasm MIME type), it is null and app.js loads the
// engine the ordinary way, which reports the error.
self.labEngine =
  typeof WebAssembly.compileStreaming === "function"
    ? WebAssembly.compileStreaming(fetch("pkg/alembic_lab_bg.wasm")).catch(() => null)
    : Promise.resolve(null);
