// A bad network, as residents meet it: a download that stalls, one that crawls, a first visit
// on a prepaid plan, and a signal that answers nothing at all. Headless Chromium, each against
// a server that misbehaves in that one way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, shotPath, profileHash, until, workerKeptAll } from "./harness.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HOUSEHOLD = { members: [{ age: 84, sex: "female" }] };
const wasm = (p) => p.endsWith(".wasm");
const visible = (page, selector) => page.locator(selector).first().isVisible();

async function open(server, address = "", viewport = { width: 375, height: 667 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "zh-CN" });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(server.url + address, { waitUntil: "commit" });
  return page;
}

test("a stalled download: the page says so in both languages, with a retry and the full list", async () => {
  const server = await serve(undefined, { network: (p) => (wasm(p) ? { stallAt: 0.5 } : null) });
  try {
    const page = await open(server);
    // The wait shows the page at once: its header, its greeting, what is happening.
    await page.locator("h1", { hasText: "民生实事查询" }).waitFor();
    assert.ok(await visible(page, ".intro"), "the greeting");
    assert.ok(await visible(page, ".loading"), "what is happening");
    assert.equal(await visible(page, "#stalled"), false, "no alarm before anything could stall");
    const shown = Date.now();
    await page.locator("#stalled").waitFor({ timeout: 20000 });
    const after = Date.now() - shown;
    assert.ok(after >= 8000, `the way out comes after the page waited (${after} ms)`);
    const text = await page.locator("#stalled").innerText();
    assert.match(text, /网络很慢/);
    assert.match(text, /network is slow/);
    await page.screenshot({ path: shotPath("network-stalled-375.png") });
    assert.equal(await page.locator("#stalled a[href='list.html']").count(), 1, "the full list, one tap away");
    // The retry loads the page again (here it stalls again: the page comes back to the wait).
    const before = server.served.filter((p) => p === "/").length;
    await page.locator("#retry").click();
    await until(page, () => document.readyState !== "loading", null, { what: "the page to load again" });
    assert.ok(server.served.filter((p) => p === "/").length > before, "the retry asked for the page again");
    await page.locator("a[href='list.html']").first().click();
    await page.locator("article[data-item]").first().waitFor();
    assert.equal(await page.locator("article[data-item]").count(), 33);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await server.close();
  }
});

test("a slow download still arriving is left alone, says how far it is, and the app starts", async () => {
  // About 15 s for the Wasm: longer than the stall's wait, but never silent.
  const server = await serve(undefined, { network: (p) => (wasm(p) ? { rate: 8000 } : null) });
  try {
    const page = await open(server, profileHash(HOUSEHOLD));
    const seen = new Set();
    let alarm = false;
    const end = Date.now() + 40000;
    while (Date.now() < end && !(await page.locator("[data-cash-month]").count())) {
      alarm ||= await visible(page, "#stalled");
      const loaded = await page.locator("#loaded").textContent().catch(() => null);
      if (loaded) seen.add(loaded);
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(await page.locator("[data-cash-month]").getAttribute("data-cash-month"), "50", "the app started");
    assert.equal(alarm, false, "no stall was announced while bytes kept arriving");
    const percents = [...seen].map((t) => Number(/(\d+)%/.exec(t)?.[1])).filter((n) => n >= 0);
    assert.ok(percents.length >= 3, `the wait said how far it was: ${[...seen].join(" ")}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await server.close();
  }
});

test("a first visit downloads each file once: the worker keeps what the page fetched, and never the JavaScript build", async () => {
  const server = await serve();
  try {
    const page = await open(server, profileHash(HOUSEHOLD));
    await page.locator("[data-cash-month]").waitFor();
    // The worker's cache is complete: every file the page needs offline, and list.html.
    await workerKeptAll(page);
    const counts = {};
    for (const p of server.served) counts[p] = (counts[p] || 0) + 1;
    const twice = Object.entries(counts).filter(([, n]) => n > 1);
    assert.deepEqual(twice, [], `each file once: ${JSON.stringify(counts)}`);
    assert.ok(!server.served.some((p) => p.includes("jsbuild-")), "the JavaScript build is never fetched where the Wasm runs");
    const bytes = [...server.sent.values()].reduce((a, b) => a + b, 0);
    console.log(`# first visit with the worker: ${Object.keys(counts).length} files, ${bytes} bytes`);
    await page.context().close();
  } finally {
    await server.close();
  }
});

test("lie-fi: a returning visit on a network that answers nothing opens at once from what was kept", async () => {
  let lieFi = false;
  const server = await serve(undefined, { network: () => (lieFi ? { answer: false } : null) });
  try {
    const page = await open(server, "index.html");
    await page.locator("#results-heading").waitFor();
    await workerKeptAll(page);
    lieFi = true;
    for (const address of ["index.html", "", profileHash(HOUSEHOLD)]) {
      const start = Date.now();
      await page.goto(server.url + address, { waitUntil: "commit" });
      await page.locator(address.startsWith("#") ? "[data-cash-month]" : "#results-heading").waitFor({ timeout: 5000 });
      const took = Date.now() - start;
      assert.ok(took < 5000, `${address || "/"} opened in ${took} ms with the network answering nothing`);
    }
    assert.equal(await page.locator("[data-cash-month]").getAttribute("data-cash-month"), "50");
    await page.context().close();
  } finally {
    await server.close();
  }
});
