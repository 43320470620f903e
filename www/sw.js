// Makes the lab work offline after the first visit: the page's own files are cached on install
// and served from the cache when the network is unavailable (network first, so updates arrive).

const CACHE = "alembic-lab-v3";
// The release page's files (tools/release.mjs bundles the page's modules into app.js).
const FILES = ["./", "index.html", "style.css", "boot.js", "app.js", "pkg/alembic_lab.js", "pkg/alembic_lab_bg.wasm"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET" || new URL(event.request.url).origin !== location.origin) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true }).then((hit) => hit ?? caches.match("index.html"))),
  );
});
