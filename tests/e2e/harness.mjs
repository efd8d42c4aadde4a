// Shared by the end-to-end tests and the benchmark: a static server for dist/ on 127.0.0.1
// (serving precompressed .br/.gz where the browser accepts them, as docs/DEPLOYING.md's nginx
// configuration does) and a headless Debian Chromium that never reaches the network.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
// MINSHENG_DIST: another release build to test (scripts/test runs the suite on the ordinary one).
export const dist = path.resolve(root, process.env.MINSHENG_DIST || "dist");
/** What scripts/build recorded of the build in `dist`: { build: "size" | "ordinary", rustc, wasm, why }. */
export function pageBuild() {
  const rel = path.relative(root, dist).split(path.sep).join("_");
  const file = path.join(root, "target", `page-build-${rel}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
}
export const shots = path.join(root, "target", process.env.MINSHENG_DIST ? `e2e-${path.basename(dist)}` : "e2e");
const require = createRequire(path.join(root, "tools", "package.json"));
export const { chromium } = require("playwright-core");
export const axePath = require.resolve("axe-core/axe.min.js");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

/**
 * Serves a folder; `compressed: false` ignores the precompressed files; `headers` are added to
 * every response (a Content-Security-Policy header, for instance). `served` lists every path
 * requested, in order, and `sent` the bytes of each body sent, by path.
 *
 * A bad network, path by path (`network(pathname)` may change between requests):
 * `{ answer: false }` answers nothing at all, the connection left open (lie-fi);
 * `{ stallAt: 0.5 }` sends that part of the body, then nothing more, the connection left open;
 * `{ rate: 50000 }` sends the body at that many bytes a second.
 */
export function serve(dir = dist, { compressed = true, headers: extra = {}, files = {}, html, network = () => null } = {}) {
  const served = [];
  const sent = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    served.push(url.pathname);
    const bad = network(url.pathname);
    if (bad && bad.answer === false) return;
    // `files`: extra paths served from memory ({ "/x.js": { type, body } }), for the tests' own pages.
    const own = files[url.pathname];
    if (own) { res.writeHead(200, { "Content-Type": own.type, "Cache-Control": "no-cache", ...extra }).end(own.body); return; }
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) { res.writeHead(404).end("not found"); return; }
    const headers = {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": file.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable",
      "Vary": "Accept-Encoding",
      ...extra,
    };
    // `html`: rewrites each HTML page as served (the engine tests add their error recorder).
    if (html && file.endsWith(".html")) {
      res.writeHead(200, headers).end(html(fs.readFileSync(file, "utf8"), url.pathname));
      return;
    }
    const accept = req.headers["accept-encoding"] || "";
    let body = file;
    if (compressed && /\bbr\b/.test(accept) && fs.existsSync(file + ".br")) {
      body = file + ".br"; headers["Content-Encoding"] = "br";
    } else if (compressed && /\bgzip\b/.test(accept) && fs.existsSync(file + ".gz")) {
      body = file + ".gz"; headers["Content-Encoding"] = "gzip";
    }
    res.writeHead(200, headers);
    const bytes = fs.readFileSync(body);
    const count = (n) => sent.set(url.pathname, (sent.get(url.pathname) || 0) + n);
    if (bad && bad.stallAt !== undefined) {
      const part = bytes.subarray(0, Math.floor(bytes.length * bad.stallAt));
      res.write(part);
      count(part.length);
      return;
    }
    if (bad && bad.rate) {
      const step = Math.max(1, Math.floor(bad.rate / 10));
      let at = 0;
      const timer = setInterval(() => {
        if (res.destroyed) { clearInterval(timer); return; }
        const part = bytes.subarray(at, at + step);
        at += part.length;
        count(part.length);
        if (at >= bytes.length) { clearInterval(timer); res.end(part); } else res.write(part);
      }, 100);
      return;
    }
    count(bytes.length);
    res.end(bytes);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ served, sent, url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) });
    });
  });
}

/** Debian's Chromium, headless, with everything that would reach the network turned off. */
export function launch() {
  return chromium.launch(launchOptions());
}

/** The options of launch(), for a persistent profile (chromium.launchPersistentContext). */
export function launchOptions() {
  return {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
      "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
    ],
  };
}

export function shotPath(name) {
  fs.mkdirSync(shots, { recursive: true });
  return path.join(shots, name);
}

/** Base64url of a profile, as the page's `#profile=` fragment carries it. */
export function profileHash(profile) {
  return "#profile=" + Buffer.from(JSON.stringify(profile), "utf8").toString("base64url");
}

/** A fresh page in a new context (or in `context`), recording page errors and every request to another origin. */
export async function openPage(browser, server, address, { viewport = { width: 375, height: 667 }, context: given, ...options } = {}) {
  const context = given ?? await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "zh-CN", ...options });
  const page = await context.newPage();
  page.errors = [];
  page.foreign = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(m.text()); });
  page.on("request", (r) => { if (!r.url().startsWith(server.origin) && !r.url().startsWith("data:")) page.foreign.push(r.url()); });
  await page.goto(server.url + address);
  await page.locator("#results-heading").waitFor();
  return page;
}

/** Waits until the household's monthly cash reads `month`. */
export function cashIs(page, month) {
  return page.waitForFunction((m) => document.querySelector("[data-cash-month]")?.dataset.cashMonth === m, month);
}

/** Waits until no result is on screen (an age is missing or wrong). */
export function noResult(page) {
  return page.waitForFunction(() => !document.querySelector("[data-cash-month]") && !document.querySelector("[data-member]"));
}

/**
 * Waits until `fn` (which may be async) returns a truthy value in the page; polls every 100 ms.
 * (page.waitForFunction does not wait for a promise: an async predicate would pass at once.)
 */
export async function until(page, fn, arg, { timeout = 15000, what = "the page's condition" } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the service worker is installed and controls the page. */
export function workerControls(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r));
  });
}

/** Waits until the service worker controls the page and has kept what the page needs offline:
 * the Wasm, and list.html (which the page itself never fetched). */
export async function workerKeptAll(page, { timeout = 15000 } = {}) {
  await workerControls(page);
  await until(page, async () => {
    const keys = await (await caches.open((await caches.keys())[0])).keys();
    return keys.some((r) => r.url.endsWith(".wasm")) && keys.some((r) => r.url.endsWith("list.html"));
  }, null, { timeout, what: "the worker's cache" });
}
