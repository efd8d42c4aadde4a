// The load benchmark: asset sizes, and time from navigation to results visible in headless
// Chromium on a throttled phone network, in the same run, for:
// - the app opened on a #profile= link (the Wasm);
// - the same, where WebAssembly is missing (the JavaScript build);
// - the static floor: list.html, the same catalogue as plain static HTML;
// - the Yew floor: a bare Yew page with the app's release profile, allocator and loader
//   (benches/yew-floor/, built by scripts/bench into target/yew-floor);
// - with BENCH_AGAINST=<a dist/ folder>, that build of the app too, in the same loop, so a
//   change is measured before and after side by side (see docs/PERFORMANCE.md).
// Each load reports when the results entered the page, and when the page settled: the end of
// the last long task (over 50 ms) on the main thread, the moment a tap is answered at once.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import os from "node:os";
import { serve, launch, launchOptions, chromium, dist, root, profileHash, workerControls, workerKeptAll, pageBuild, until } from "../tests/e2e/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 7);
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const household = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "benches", "household.json"), "utf8"));

function sizes(dir = dist) {
  const rows = [];
  for (const f of fs.readdirSync(dir).sort()) {
    if (!/\.(html|js|wasm|css|svg|json)$/.test(f)) continue;
    const bytes = fs.readFileSync(path.join(dir, f));
    rows.push({
      file: f,
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}

/** A household of `n` members: the benchmark household's members, repeated. */
function householdOf(n) {
  return { ...household, members: Array.from({ length: n }, (_, i) => household.members[i % household.members.length]) };
}

const yewFloor = path.join(root, "target", "yew-floor");
const noWasm = () => { delete window.WebAssembly; };
// The first member's results: what "results visible" waits for. A measure the first member
// shares with others is said once for them all (`data-members="0 1"`), outside their section.
const VISIBLE = '[data-member="0"] [data-item], [data-members~="0"][data-item]';

/** Records in the page (`window.__visible`) when `selector` first matches outside any
 * `hidden` element (index.html's first questions come hidden, for boot.js to show), from
 * navigation start, and every long task (`window.__long`: start and end, ms). */
function recordVisible(target, selector) {
  return target.addInitScript((sel) => {
    const seen = () => {
      const found = document.querySelector(sel);
      if (window.__visible === undefined && found && !found.closest("[hidden]")) {
        window.__visible = performance.now();
        console.debug("bench: visible");
      }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });
    document.addEventListener("DOMContentLoaded", seen);
    window.__long = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push([e.startTime, e.startTime + e.duration]);
      }).observe({ type: "longtask", buffered: true });
    } catch (e) {}
  }, selector);
}

/** When the page settled after its results showed: the end of its last long task, once a
 * second has passed with none (at most 10 s). */
async function settled(page) {
  const end = Date.now() + 10000;
  for (;;) {
    const { visible, last, now } = await page.evaluate(() => ({
      visible: window.__visible,
      last: window.__long.reduce((m, t) => Math.max(m, t[1]), 0),
      now: performance.now(),
    }));
    if (now - Math.max(visible, last) > 1000 || Date.now() > end) return Math.max(visible, last);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until the page has recorded `window.__visible`, told by the page's own console line.
 * Nothing of the benchmark runs in the page meanwhile: Playwright's selector polling queried the
 * DOM on every frame (about 50 ms of a 6-member load at CPU 4×), and its `waitForFunction`
 * evaluates Playwright's injected script in the page first (35–57 ms at CPU 4× in a V8 trace,
 * on the page's main thread while it starts). The time itself is the page's, recorded by its
 * MutationObserver. Call it before the navigation: a console line is not kept for a late listener. */
function untilVisible(page) {
  return page.waitForEvent("console", { predicate: (m) => m.text() === "bench: visible", timeout: 60000 });
}

async function coldLoad(browser, url, selector, network = NETWORK, init = null) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  let transferred = 0;
  cdp.on("Network.loadingFinished", (e) => { transferred += e.encodedDataLength; });
  await recordVisible(page, selector);
  const visible = untilVisible(page);
  await page.goto(url, { waitUntil: "commit" });
  await visible;
  await page.waitForLoadState("load");
  const ms = await page.evaluate(() => window.__visible);
  const calm = await settled(page);
  // What the first render built: every element, and the measure lines among them.
  const built = await page.evaluate(() => ({ elements: document.getElementsByTagName("*").length, lines: document.querySelectorAll("li.measure").length }));
  await context.close();
  return { ms, settled: calm, transferred, ...built };
}

/** A resident's first visit with nothing in any cache, the browser's cache on (as a phone's
 * is), on `network`: when the page first painted (from index.html and the stylesheet), when the
 * first question could be seen and answered (the age box in the page and painted: index.html
 * carries it), when the calculator started (and took over what was answered), and the bytes the
 * server sent until the service worker had kept everything (the worker's downloads included). */
async function firstVisit(browser, url, network, site) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  await recordVisible(context, 'input[id$="-age"]');
  await context.addInitScript(() => addEventListener("TrunkApplicationStarted", () => { window.__started = performance.now(); }));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const before = [...site.sent.values()].reduce((a, b) => a + b, 0);
  const visible = untilVisible(page);
  await page.goto(url, { waitUntil: "commit" });
  await visible;
  // Seen once painted: the box is in the page before its stylesheet has come, unseen.
  const painted = await until(page, () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime, null, { what: "the first paint", timeout: 60000 });
  const question = Math.max(painted, await page.evaluate(() => window.__visible));
  const started = await until(page, () => window.__started, null, { what: "the calculator's start", timeout: 60000 });
  const paint = { painted, question, started };
  await workerKeptAll(page, { timeout: 60000 });
  const bytes = [...site.sent.values()].reduce((a, b) => a + b, 0) - before;
  await context.close();
  return { ...paint, bytes };
}

/** The static floor's first paint on `network`: list.html, the browser's cache on. */
async function floorPaint(browser, url, network) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: "load" });
  // A headless page may paint after its load event: wait for the entry.
  const painted = await until(page, () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime, null, { what: "the static floor's first paint" });
  await context.close();
  return painted;
}

/** Results visible on a second visit: the first one installs the service worker and fills its
 * cache; the second is timed, on the same throttle, from its navigation start as the cold loads
 * are (performance.now() in the page). */
async function secondVisit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  await recordVisible(context, VISIBLE);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(VISIBLE);
  await workerControls(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.goto("about:blank");
  const visible = untilVisible(page);
  await page.goto(url, { waitUntil: "commit" });
  await visible;
  const timing = await page.evaluate(() => ({
    visible: window.__visible,
    // Served by the worker: no transfer; the page's own first byte is the worker's answer.
    fromWorker: performance.getEntriesByType("navigation")[0].workerStart > 0,
  }));
  timing.settled = await settled(page);
  await context.close();
  if (!timing.fromWorker) throw new Error("the second visit was not served by the service worker");
  return timing;
}

/** Whether V8 compiles the Wasm again on returning visits served by the service worker, or
 * takes it from a cache: V8's trace of a visit in a browser that has just been restarted (its
 * disk code cache only), after three earlier visits in the profile. */
async function codeCache(url) {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "minsheng-bench-"));
  const open = () => chromium.launchPersistentContext(profileDir, { ...launchOptions(), viewport: { width: 375, height: 667 } });
  const visit = async (context, trace) => {
    const page = context.pages()[0] || await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events = [];
    if (trace) {
      cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
      await cdp.send("Tracing.start", { traceConfig: { includedCategories: ["v8", "v8.wasm", "disabled-by-default-v8.wasm.detailed"] }, transferMode: "ReportEvents" });
    }
    await page.goto(url);
    await page.waitForSelector(VISIBLE);
    await workerControls(page);
    // V8 writes its code cache once the module has been in use a while (tiered up).
    if (!trace) await page.waitForTimeout(3000);
    if (trace) {
      const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
      await cdp.send("Tracing.end");
      await done;
    }
    await page.goto("about:blank");
    return events;
  };
  try {
    let context = await open();
    for (let i = 0; i < 3; i++) await visit(context, false);
    await context.close();
    context = await open();
    const events = await visit(context, true);
    await context.close();
    const sum = (name) => events.filter((e) => e.name === name).reduce((a, e) => a + (e.dur || 0) / 1000, 0);
    const count = (name) => events.filter((e) => e.name === name).length;
    return `| after a browser restart | ${count("v8.wasm.compileConsume")} | ${count("wasm.GetNativeModuleFromCache")} | ${sum("wasm.CompileBaseline").toFixed(1)} | ${sum("v8.wasm.compileConsume").toFixed(1)} |`;
  } finally {
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => x.toFixed(0);
/** `median (min–max)` of some times. */
const spread = (xs) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;

const server = await serve();
const floorServer = await serve(yewFloor);
const against = process.env.BENCH_AGAINST ? path.resolve(process.env.BENCH_AGAINST) : null;
const againstServer = against ? await serve(against) : null;
const browser = await launch();
try {
  const rows = sizes();
  const built = pageBuild();
  console.log(`\n## Assets (bytes) of the ${built ? built.build : "unrecorded"} build${built ? ` (rustc ${built.rustc})` : ""}\n`);
  console.log("| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
  // Not on the first visit: list.html (where the app cannot run), the JavaScript build (where
  // WebAssembly is missing, and what a restart after a fault in the Wasm fetches) and the texts
  // shown in folds (when a fold first shows one).
  const later = (r) => r.file.startsWith("list") || r.file.startsWith("jsbuild-") || r.file.startsWith("texts-");
  const first = rows.filter((r) => !later(r));
  const total = (k, rs = first) => rs.reduce((a, r) => a + r[k], 0);
  console.log(`| **first visit (all but list.html, jsbuild and the texts)** | ${total("raw")} | ${total("gzip")} | ${total("brotli")} |`);
  const js = rows.filter((r) => !r.file.startsWith("list") && !r.file.startsWith("texts-") && !r.file.endsWith(".wasm"));
  console.log(`| **first visit without WebAssembly (all but list.html and the .wasm)** | ${total("raw", js)} | ${total("gzip", js)} | ${total("brotli", js)} |`);
  const restart = rows.filter((r) => r.file.startsWith("jsbuild-"));
  console.log(`| restart after a fault in the Wasm: the JavaScript build fetched (boot.js's handler and the app's kept answers are in the first visit: docs/SIZE-LOG.md) | ${total("raw", restart)} | ${total("gzip", restart)} | ${total("brotli", restart)} |`);
  const floorRows = sizes(yewFloor).filter((r) => !later(r));
  console.log(`| Yew floor: first visit (target/yew-floor) | ${total("raw", floorRows)} | ${total("gzip", floorRows)} | ${total("brotli", floorRows)} |`);
  for (const r of floorRows.filter((r) => r.file.endsWith(".wasm"))) console.log(`| Yew floor: ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);

  const app = server.url + profileHash(household);
  const floor = server.url + "list.html";
  const results = { app: [], js: [], floor: [], yew: [] };
  const names = {
    app: "app on a #profile= link (6 members), Wasm",
    js: "the same without WebAssembly: the JavaScript build",
    floor: "static floor: list.html",
    yew: "Yew floor: a bare Yew page, same profile and loader",
  };
  if (againstServer) {
    results.against = [];
    names.against = `the same link, app from ${against}`;
  }
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so drift on a noisy machine hits all alike.
    results.app.push(await coldLoad(browser, app, VISIBLE));
    if (againstServer) results.against.push(await coldLoad(browser, againstServer.url + profileHash(household), VISIBLE));
    results.js.push(await coldLoad(browser, app, VISIBLE, NETWORK, noWasm));
    results.floor.push(await coldLoad(browser, floor, '[data-item="33"]'));
    results.yew.push(await coldLoad(browser, floorServer.url, VISIBLE));
  }
  console.log(`\n## Results visible, cold load, ${RUNS} runs (1.6 Mbps down, 150 ms RTT, CPU ${CPU_SLOWDOWN}× slower)\n`);
  console.log("Settled: the end of the main thread's last long task (over 50 ms) after the results showed.\n");
  console.log("| page | median ms | min ms | max ms | settled, median ms (range) | bytes transferred |\n|---|---:|---:|---:|---:|---:|");
  for (const [name, rs] of Object.entries(results)) {
    const ms = rs.map((r) => r.ms);
    console.log(`| ${names[name]} | ${fmt(median(ms))} | ${fmt(Math.min(...ms))} | ${fmt(Math.max(...ms))} | ${spread(rs.map((r) => r.settled))} | ${median(rs.map((r) => r.transferred))} |`);
  }
  const appMs = median(results.app.map((r) => r.ms));
  const floorMs = median(results.floor.map((r) => r.ms));
  const yewMs = median(results.yew.map((r) => r.ms));
  const jsMs = median(results.js.map((r) => r.ms));
  console.log(`\nratio app / static floor: ${(appMs / floorMs).toFixed(2)}× (target ≤ 3×); app / Yew floor: ${(appMs / yewMs).toFixed(2)}×; app ${fmt(appMs)} ms (target ≤ 1300 ms)`);
  console.log(`without WebAssembly (JavaScript build): ${fmt(jsMs)} ms, ${(jsMs / appMs).toFixed(2)}× the Wasm`);

  // A first visit on a phone's network: the wait shows the page, the first question, and each
  // file downloaded once, the worker's downloads included.
  const SLOW = { offline: false, latency: 400, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 };
  const FIRST_RUNS = 3;
  console.log(`\n## A first visit, nothing cached, the browser's cache on, the worker on (CPU ${CPU_SLOWDOWN}× slower, median of ${FIRST_RUNS})\n`);
  console.log("| network | page painted ms | first question seen and answerable ms | static floor painted ms | first question / static floor | calculator started ms | bytes sent, worker included |\n|---|---:|---:|---:|---:|---:|---:|");
  const ratios = {};
  for (const [label, network] of [["1.6 Mbps, 150 ms RTT", NETWORK], ["400 kbps, 400 ms RTT", SLOW]]) {
    const runs = [];
    const floors = [];
    for (let i = 0; i < FIRST_RUNS; i++) {
      runs.push(await firstVisit(browser, server.url, network, server));
      floors.push(await floorPaint(browser, server.url + "list.html", network));
    }
    const question = median(runs.map((r) => r.question));
    ratios[label] = question / median(floors);
    console.log(`| ${label} | ${fmt(median(runs.map((r) => r.painted)))} | ${fmt(question)} | ${fmt(median(floors))} | ${ratios[label].toFixed(2)}× | ${fmt(median(runs.map((r) => r.started)))} | ${median(runs.map((r) => r.bytes))} |`);
  }
  console.log(`\nfirst question / static floor at 400 kbps: ${ratios["400 kbps, 400 ms RTT"].toFixed(2)}× (goal ≤ 1.3×); at 1.6 Mbps: ${ratios["1.6 Mbps, 150 ms RTT"].toFixed(2)}×`);

  // A returning resident: the second visit in the same browser profile, served by the service
  // worker from its cache, on the same throttle.
  const RETURN_RUNS = 5;
  const visits = { app: [] };
  if (againstServer) visits.against = [];
  for (let i = 0; i < RETURN_RUNS; i++) {
    visits.app.push(await secondVisit(browser, app));
    if (againstServer) visits.against.push(await secondVisit(browser, againstServer.url + profileHash(household)));
  }
  console.log(`\n## A returning visit, served by the service worker (same throttle, ${RETURN_RUNS} runs)\n`);
  console.log("| page | median ms | min ms | max ms | settled, median ms (range) |\n|---|---:|---:|---:|---:|");
  for (const [name, vs] of Object.entries(visits)) {
    const ms = vs.map((v) => v.visible);
    console.log(`| ${name === "app" ? "app on a #profile= link (6 members), second visit" : `the same, app from ${against}`} | ${fmt(median(ms))} | ${fmt(Math.min(...ms))} | ${fmt(Math.max(...ms))} | ${spread(vs.map((v) => v.settled))} |`);
  }
  const returning = visits.app.map((v) => v.visible);
  console.log(`\nreturning visit: ${fmt(median(returning))} ms (target ≤ 500 ms)`);
  console.log("\n### Does V8 compile the Wasm again on a returning visit? (V8 trace, no throttle, Chromium restarted on its profile)\n");
  console.log("| visit | code cache reads (v8.wasm.compileConsume) | in-memory module hits | baseline compile ms | code cache read ms |\n|---|---:|---:|---:|---:|");
  console.log(await codeCache(app));

  // The growth curve: the same page for a bigger household, with the network out of the way,
  // so the difference is evaluation and rendering (CPU 4× slower).
  const GROWTH_RUNS = 5;
  console.log(`\n## Growth: every member's results visible, by household size (no network throttle, CPU ${CPU_SLOWDOWN}× slower, ${GROWTH_RUNS} runs)\n`);
  console.log("| members | median ms | min ms | max ms | elements on the page | measure lines |\n|---:|---:|---:|---:|---:|---:|");
  for (const n of [1, 6, 20]) {
    const runs = [];
    for (let i = 0; i < GROWTH_RUNS; i++) {
      // The last member's section: a member whose every measure is shared with another has no
      // line of their own, so the section, not a line in it, says the render reached them.
      runs.push(await coldLoad(browser, server.url + profileHash(householdOf(n)), `[data-member="${n - 1}"] h3`, null));
    }
    const ms = runs.map((r) => r.ms);
    console.log(`| ${n} | ${fmt(median(ms))} | ${fmt(Math.min(...ms))} | ${fmt(Math.max(...ms))} | ${runs[0].elements} | ${runs[0].lines} |`);
  }
} finally {
  await browser.close();
  await server.close();
  await floorServer.close();
  await againstServer?.close();
}
