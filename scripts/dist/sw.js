// The service worker, for this build's files (finish-dist fills in BUILD). Caches only the
// app's own files: pages from the cache at once, revalidated in the background; hashed assets
// cache-first.
"use strict";
const BUILD = { cache: "minsheng-dev", assets: [], onUse: [] };
const CACHE = BUILD.cache;
// Not precached where the Wasm runs, kept if ever fetched (the JavaScript build).
const ON_USE = BUILD.onUse;
// boot.js registers "sw.js?engine=js" where the JavaScript build runs: keep it, not the Wasm.
const JS_ENGINE = new URL(self.location.href).searchParams.get("engine") === "js";
const PRECACHE = JS_ENGINE ? BUILD.assets.filter((name) => !name.endsWith(".wasm")).concat(ON_USE) : BUILD.assets;
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((name) => new Request(name, { cache: "reload" })))).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("minsheng-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // A returning resident gets the kept page at once, without waiting for the network; the
    // server is asked in the background (revalidating), and the browser's check of sw.js brings
    // a new release, seen from the next visit.
    const fresh = fetch(request, { cache: "no-cache" }).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        return caches.open(CACHE).then((cache) => cache.put(url.pathname, copy)).then(() => response);
      }
      return response;
    });
    event.waitUntil(fresh.catch(() => {}));
    event.respondWith(
      caches.match(url.pathname)
        .then((hit) => hit || fresh)
        .catch(() => caches.match("./"))
    );
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((response) => {
    if (response.ok && ON_USE.some((name) => url.pathname.endsWith("/" + name))) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  })));
});
