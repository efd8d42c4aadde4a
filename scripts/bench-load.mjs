// The load benchmark: asset sizes, and time from navigation to results visible in headless
// Chromium on a throttled phone network, for the app opened on a #profile= link and for the
// floor (list.html, the same catalogue as plain static HTML), in the same run.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { serve, launch, dist, profileHash } from "../tests/e2e/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 7);
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const household = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "benches", "household.json"), "utf8"));

function sizes() {
  const rows = [];
  for (const f of fs.readdirSync(dist).sort()) {
    if (!/\.(html|js|wasm|css|svg)$/.test(f)) continue;
    const bytes = fs.readFileSync(path.join(dist, f));
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

async function coldLoad(browser, url, selector, network = NETWORK) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  let transferred = 0;
  cdp.on("Network.loadingFinished", (e) => { transferred += e.encodedDataLength; });
  await page.addInitScript((sel) => {
    const seen = () => {
      if (window.__visible === undefined && document.querySelector(sel)) window.__visible = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", seen);
  }, selector);
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector(selector, { timeout: 60000 });
  await page.waitForLoadState("load");
  const ms = await page.evaluate(() => window.__visible);
  await context.close();
  return { ms, transferred };
}

/** Results visible on a second visit: the first one installs the service worker and fills its
 * cache; the second is timed, on the same throttle. */
async function secondVisit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-member="0"] [data-item]');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r));
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.goto("about:blank");
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector('[data-member="0"] [data-item]', { timeout: 60000 });
  const ms = Date.now() - t0;
  await context.close();
  return ms;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => x.toFixed(0);

const server = await serve();
const browser = await launch();
try {
  const rows = sizes();
  console.log("\n## Assets (bytes)\n");
  console.log("| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
  const first = rows.filter((r) => !r.file.startsWith("list"));
  const total = (k) => first.reduce((a, r) => a + r[k], 0);
  console.log(`| **first visit (all but list.html)** | ${total("raw")} | ${total("gzip")} | ${total("brotli")} |`);

  const app = server.url + profileHash(household);
  const floor = server.url + "list.html";
  const results = { app: [], floor: [] };
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so drift on a noisy machine hits both alike.
    results.app.push(await coldLoad(browser, app, '[data-member="0"] [data-item]'));
    results.floor.push(await coldLoad(browser, floor, '[data-item="33"]'));
  }
  console.log(`\n## Results visible, cold load, ${RUNS} runs (1.6 Mbps down, 150 ms RTT, CPU ${CPU_SLOWDOWN}× slower)\n`);
  console.log("| page | median ms | min ms | max ms | bytes transferred |\n|---|---:|---:|---:|---:|");
  for (const [name, rs] of Object.entries(results)) {
    const ms = rs.map((r) => r.ms);
    console.log(`| ${name === "app" ? "app on a #profile= link (6 members)" : "floor: list.html (static)"} | ${fmt(median(ms))} | ${fmt(Math.min(...ms))} | ${fmt(Math.max(...ms))} | ${median(rs.map((r) => r.transferred))} |`);
  }
  const appMs = median(results.app.map((r) => r.ms));
  const floorMs = median(results.floor.map((r) => r.ms));
  console.log(`\nratio app / floor: ${(appMs / floorMs).toFixed(2)}× (target ≤ 3×); app ${fmt(appMs)} ms (target ≤ 1500 ms)`);

  // A returning resident: the second visit in the same browser profile, served by the service
  // worker from its cache, on the same throttle.
  const RETURN_RUNS = 5;
  const returning = [];
  for (let i = 0; i < RETURN_RUNS; i++) returning.push(await secondVisit(browser, app));
  console.log(`\n## A returning visit, served by the service worker (same throttle, ${RETURN_RUNS} runs)\n`);
  console.log(`| page | median ms | min ms | max ms |\n|---|---:|---:|---:|\n| app on a #profile= link (6 members), second visit | ${fmt(median(returning))} | ${fmt(Math.min(...returning))} | ${fmt(Math.max(...returning))} |`);
  console.log(`\nreturning visit: ${fmt(median(returning))} ms (target ≤ 500 ms)`);

  // The growth curve: the same page for a bigger household, with the network out of the way,
  // so the difference is evaluation and rendering (CPU 4× slower).
  const GROWTH_RUNS = 5;
  console.log(`\n## Growth: every member's results visible, by household size (no network throttle, CPU ${CPU_SLOWDOWN}× slower, ${GROWTH_RUNS} runs)\n`);
  console.log("| members | median ms | min ms | max ms |\n|---:|---:|---:|---:|");
  for (const n of [1, 6, 20]) {
    const ms = [];
    for (let i = 0; i < GROWTH_RUNS; i++) {
      ms.push((await coldLoad(browser, server.url + profileHash(householdOf(n)), `[data-member="${n - 1}"] [data-item]`, null)).ms);
    }
    console.log(`| ${n} | ${fmt(median(ms))} | ${fmt(Math.min(...ms))} | ${fmt(Math.max(...ms))} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
