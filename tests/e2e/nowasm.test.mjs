// Where WebAssembly cannot run, the page runs the JavaScript build of the same module (issue:
// "the calculator on every phone"). Two such engines, in real headless Chromium:
// - WebAssembly removed before any script runs (iOS Lockdown Mode, hardened browsers);
// - a header CSP that allows the page's own scripts but not WebAssembly (what an engine that
//   does not know 'wasm-unsafe-eval' enforces: iOS before 16, Chromium before 97).
// In both, a #profile= link shows the same measures and cash as the Wasm, the form answers,
// window.minsheng.evaluate returns the same JSON, and nothing fails.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, profileHash, openPage, cashIs, shotPath, until } from "./harness.mjs";

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'";
const household = {
  street: "guanghe", piped_gas: true, kind: "low_income",
  members: [{ age: 84, sex: "male", insurance: "resident" }, { age: 9, sex: "female", insurance: "resident" }],
};
const apiProfile = JSON.stringify({ members: [{ age: 78, sex: "male", disability: "physical" }, { age: 66, sex: "female" }] });
// Twenty members, many times over: enough work for the module's memory to grow.
const bigProfile = JSON.stringify({ kind: "minimum_living", members: Array.from({ length: 20 }, (_, i) => ({ age: 5 * i, sex: i % 2 ? "male" : "female", insurance: "resident", disability: i % 3 ? "none" : "visual" })) });

let wasmServer, strictServer, browser, reference;
before(async () => {
  wasmServer = await serve();
  strictServer = await serve(undefined, { headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launch();
  reference = await look(await openPage(browser, wasmServer, profileHash(household)));
  assert.equal(reference.engine, "wasm", "the reference runs the Wasm");
});
after(async () => { await browser?.close(); await wasmServer?.close(); await strictServer?.close(); });

/** What a resident sees and what the JS API answers, on an opened page. */
async function look(page) {
  await cashIs(page, "50");
  const seen = await page.evaluate(() => ({
    engine: window.minshengEngine,
    cash: document.querySelector("[data-cash-month]").dataset.cashMonth,
    measures: [...document.querySelectorAll("[data-member] [data-item], [data-scope] [data-item]")]
      .map((e) => `${e.closest("[data-member]")?.dataset.member ?? e.closest("[data-scope]").dataset.scope}:${e.dataset.item}`),
    text: document.getElementById("app").innerText,
  }));
  seen.api = await page.evaluate((p) => window.minsheng.evaluate(p), apiProfile);
  seen.big = await page.evaluate((p) => {
    let last = "";
    for (let i = 0; i < 200; i++) last = window.minsheng.evaluate(p);
    return last;
  }, bigProfile);
  seen.page = page;
  return seen;
}

async function answersWithoutWasm(page, name) {
  const seen = await look(page);
  assert.equal(seen.engine, "js", "the JavaScript build runs");
  assert.equal(seen.cash, reference.cash);
  assert.deepEqual(seen.measures, reference.measures, "the same measures for each member");
  assert.equal(seen.text, reference.text, "the same words on the page");
  assert.equal(seen.api, reference.api, "window.minsheng.evaluate returns the same JSON");
  assert.equal(seen.big, reference.big, "the same JSON for twenty members, after the memory has grown");
  // The form answers: a third member aged 80 adds the old-age allowance.
  await page.getByRole("button", { name: "添加家庭成员" }).click();
  await page.getByLabel("年龄").nth(2).fill("80");
  await cashIs(page, "100");
  await page.getByLabel("年龄").nth(2).fill("79");
  await cashIs(page, "50");
  await page.screenshot({ path: shotPath(`nowasm-${name}-375x667.png`), fullPage: false });
  // The CSP's own report of the refused test compile is expected; nothing else.
  assert.deepEqual(page.errors.filter((e) => !/Refused to compile or instantiate WebAssembly/.test(e)), [], "no uncaught error");
  assert.deepEqual(page.foreign, [], "no request leaves the page's origin");
}

test("with WebAssembly removed before any script runs, the JavaScript build gives the same answers", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 1, locale: "zh-CN" });
  await context.addInitScript(() => {
    delete window.WebAssembly;
    addEventListener("TrunkApplicationStarted", () => { window.startPages = window.minshengAsmPages || 0; });
  });
  const page = await openPage(browser, wasmServer, profileHash(household), { context });
  await answersWithoutWasm(page, "absent");
  const [start, now] = await page.evaluate(() => [window.startPages, window.minshengAsmPages]);
  assert.ok(now > start, `the translated module's memory grew (${start} → ${now} pages of 64 KiB), and the answers held`);
  await context.close();
});

test("under a CSP that refuses WebAssembly, the JavaScript build gives the same answers; no unsafe-eval", async () => {
  const before = strictServer.served.length;
  const page = await openPage(browser, strictServer, profileHash(household));
  await answersWithoutWasm(page, "csp");
  const fetched = strictServer.served.slice(before);
  assert.ok(fetched.some((p) => /\/jsbuild-[0-9a-f]+\.js$/.test(p)), "the JavaScript build was fetched");
  // Once used under the service worker's control, it is kept for offline use.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await cashIs(page, "50");
  assert.equal(await page.evaluate(() => window.minshengEngine), "js");
  await until(page, async () => {
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      if ((await cache.keys()).some((r) => /\/jsbuild-[0-9a-f]+\.js$/.test(r.url))) return true;
    }
    return false;
  }, null, { what: "the service worker to keep the JavaScript build once used" });
  await page.context().close();
});

test("a Wasm that fails to compile (a broken download, an engine's bug) turns to the JavaScript build", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 1, locale: "zh-CN" });
  await context.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("\0asm broken") }));
  const page = await openPage(browser, wasmServer, profileHash(household), { context });
  const seen = await look(page);
  assert.equal(seen.engine, "js");
  assert.deepEqual(seen.measures, reference.measures);
  assert.equal(seen.api, reference.api);
  await context.close();
});

test("without WebAssembly, the Wasm file is not downloaded, and a proxy that blocks it does not stop the page", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 1, locale: "zh-CN" });
  await context.addInitScript(() => { delete window.WebAssembly; });
  const wasmRequests = [];
  await context.route(/_bg\.wasm$/, (route) => { wasmRequests.push(route.request().url()); return route.fulfill({ status: 404, body: "" }); });
  const page = await openPage(browser, wasmServer, profileHash(household), { context });
  const seen = await look(page);
  assert.equal(seen.engine, "js");
  assert.deepEqual(seen.measures, reference.measures);
  // The preload in index.html may still ask for it; the app itself never does.
  assert.ok(wasmRequests.length <= 1, `the Wasm was requested ${wasmRequests.length} times`);
  await context.close();
});

test("where WebAssembly runs, the JavaScript build is never fetched nor precached", async () => {
  const before = wasmServer.served.length;
  const page = await openPage(browser, wasmServer, profileHash(household));
  await cashIs(page, "50");
  assert.equal(await page.evaluate(() => window.minshengEngine), "wasm");
  await page.evaluate(() => navigator.serviceWorker?.ready);
  assert.ok(!wasmServer.served.slice(before).some((p) => p.includes("jsbuild-")), "no request for the JavaScript build");
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'/);
  await page.context().close();
});
