// The service worker, for this build's files (finish-dist fills in BUILD). Caches only the
// app's own files: pages from the cache at once, revalidated in the background; hashed assets
// cache-first. It is registered once the app has started, and fills its cache from the
// browser's (`force-cache`): a file the page already downloaded is not downloaded again.
"use strict";
const BUILD = { cache: "minsheng-dev", assets: [], onUse: [] };
const CACHE = BUILD.cache;
// Not precached where the Wasm runs, kept if ever fetched (the JavaScript build).
const ON_USE = BUILD.onUse;
// boot.js registers "sw.js?engine=js" where the JavaScript build runs: keep it, not the Wasm.
const JS_ENGINE = new URL(self.location.href).searchParams.get("engine") === "js";
const PRECACHE = JS_ENGINE ? BUILD.assets.filter((name) => !name.endsWith(".wasm")).concat(ON_USE) : BUILD.assets;
// The app's page, at either of its addresses: the folder or index.html.
const PAGE = /\/(index\.html)?$/;
// From the browser's cache where it has the file (the hashed files are immutable; the page was
// just loaded), else from the network.
const kept = (url) => fetch(new Request(url, { cache: "force-cache" })).then((response) => {
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response;
});
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(PRECACHE.map(async (name) => cache.put(name, await kept(name))));
    // The page, at the address it was opened at (index.html or the folder), kept as "./" too.
    const scope = new URL("./", self.location.href);
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const opened = windows.map((w) => new URL(w.url)).find((u) => u.origin === scope.origin && PAGE.test(u.pathname));
    const page = await kept(opened ? opened.pathname : scope.pathname);
    if (opened && opened.pathname !== scope.pathname) await cache.put(opened.pathname, page.clone());
    await cache.put(scope.pathname, page);
    await self.skipWaiting();
  })());
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
    // The app's page at either of its addresses is the kept page: on a network that answers
    // nothing (lie-fi), a returning resident never waits for it.
    const page = PAGE.test(url.pathname);
    event.respondWith(
      caches.match(url.pathname)
        .then((hit) => hit || (page && caches.match("./")))
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
