// Never a dead page (issue 36): a fault in the WebAssembly is caught once for the whole page and
// the page restarts on the JavaScript build, with the answers that were on screen and their
// results. The fault is one we cause: from some point on, every call into the Wasm throws a
// WebAssembly.RuntimeError, as every call does after a real trap (the instance is dead).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, openPage, profileHash, shotPath, until, cashIs, dist, root } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser.close(); server.close(); });

const PHONE = { width: 375, height: 667 };

/**
 * Runs before the page's scripts in every document of the context: the Wasm's exports are
 * wrapped so that each call throws a RuntimeError while `window.__dead` is true (`dead`: from
 * the start, in a page not yet restarted); the JavaScript build's, so that each throws
 * wasm2js's trap (`Error("abort")`) while `window.__deadJs` is true.
 */
function faults({ dead = false } = {}) {
  return `(() => {
    window.__dead = ${dead} && !/[?&]restart/.test(location.search);
    const wrap = (exports, dead, error) => {
      const out = {};
      for (const [k, v] of Object.entries(exports)) {
        out[k] = typeof v === "function" ? function (...a) { if (window[dead]) throw error(); return v.apply(this, a); } : v;
      }
      return out;
    };
    const trap = () => new WebAssembly.RuntimeError("unreachable");
    const asWasm = (r) => ({ module: r.module, instance: { exports: wrap((r.instance || r).exports, "__dead", trap) } });
    const inst = WebAssembly.instantiate, stream = WebAssembly.instantiateStreaming;
    WebAssembly.instantiate = function (...a) { return inst.apply(this, a).then((r) => asWasm(r instanceof WebAssembly.Instance ? { instance: r } : r)); };
    WebAssembly.instantiateStreaming = function (...a) { return stream.apply(this, a).then(asWasm); };
    let asm;
    Object.defineProperty(window, "minshengAsm", {
      configurable: true,
      get: () => asm,
      set: (f) => { asm = (imports) => wrap(f(imports), "__deadJs", () => new Error("abort")); },
    });
  })();`;
}

async function open(address, { dead = false, lang = "zh-CN" } = {}) {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: lang });
  await context.addInitScript(faults({ dead }));
  return openPage(browser, server, address, { context });
}

/** Waits for the restarted page (the JavaScript build running, its notice said), through the
 * navigation the restart is; it must come within two seconds of the fault. */
async function restarted(page, since) {
  const ready = () => window.minshengEngine === "js" && !!document.getElementById("notice") && !!document.querySelector("input[id$='-age']");
  for (;;) {
    if (await page.evaluate(ready).catch(() => false)) break;
    if (Date.now() - since > 15000) throw new Error("the page did not restart");
    await new Promise((r) => setTimeout(r, 50));
  }
  const took = Date.now() - since;
  assert.ok(took <= 2000, `restarted within two seconds (${took} ms)`);
  assert.equal(/restart|profile=/.test(await page.evaluate(() => location.search + location.hash)), false, "the answers left the address");
  return took;
}

/**
 * Types `first` into the first age box as a person does, waits for its results, then kills the
 * Wasm and types `then` in one go (the desk's idle clock calls into the Wasm every second, so the
 * fault must be the keystroke's), and waits for the restarted page. Returns the restart's time.
 */
async function faultWhileTyping(page, first, then) {
  const age = page.getByLabel("年龄").first();
  await age.click();
  await age.pressSequentially(first);
  await page.locator('[data-member="0"]').waitFor();
  const since = Date.now();
  await page.evaluate((text) => {
    window.__dead = true;
    const box = document.querySelector("input[id$='-age']");
    box.value = text;
    box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text.slice(-1) }));
  }, first + then);
  return restarted(page, since);
}

test("a fault at start: the page restarts on the JavaScript build, and a shared link's results show", async () => {
  const link = profileHash({ members: [{ age: 92, sex: "female", insurance: "resident" }] });
  const since = Date.now();
  const page = await open(link, { dead: true });
  await restarted(page, since);
  await cashIs(page, "100");
  assert.match(await page.locator("#notice").innerText(), /已重新启动/);
  await page.screenshot({ path: shotPath("fault-start-zh.png"), fullPage: true });
  await page.context().close();
});

test("a fault while a person types: the age she typed stays, its results come, and the page keeps answering", async () => {
  const page = await open("");
  // The instance dies: the next key's handler traps.
  await faultWhileTyping(page, "7", "8");
  const box = page.getByLabel("年龄").first();
  assert.equal(await box.inputValue(), "78", "the typed age is kept");
  await until(page, () => document.querySelector('[data-member="0"] h3')?.textContent.includes("78"), undefined, { what: "78's results" });
  assert.match(await page.locator("#notice").innerText(), /您的回答都还在/);
  // The page keeps answering: 78 corrected to 80 gives 80's allowance.
  await box.fill("80");
  await cashIs(page, "50");
  await page.screenshot({ path: shotPath("fault-typing-zh.png"), fullPage: true });
  await page.context().close();
});

test("a fault at the desk: the answers survive in memory and the address for that moment only; 下一位 still leaves nothing", async () => {
  const page = await open("#desk");
  await faultWhileTyping(page, "8", "4");
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "84");
  await cashIs(page, "50");
  assert.equal(await page.evaluate(() => location.search), "?desk", "still a desk");
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0], "nothing stored");
  // The next resident: nothing of this one is left.
  await page.getByRole("button", { name: "下一位" }).first().click();
  await page.locator("#next-resident-confirm").click();
  await until(page, () => document.querySelector("input[id$='-age']")?.value === "", undefined, { what: "the form cleared" });
  assert.equal(await page.evaluate(() => JSON.parse(window.minshengAnswers).ages.join("")), "", "nothing in memory either");
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  await page.context().close();
});

test("a fault on the JavaScript build, after a restart, goes to the plain list: never a loop", async () => {
  const page = await open("");
  await faultWhileTyping(page, "7", "0");
  await page.evaluate(() => { window.__deadJs = true; });
  await page.getByLabel("年龄").first().pressSequentially("1");
  await page.waitForURL(/list\.html#failed$/);
  await page.context().close();
});

test("a list the engine misreads (WPE 2.38 was seen to): the page restarts on the JavaScript build with the link's answers", async () => {
  // The Wasm as served with one byte of its compiled-in list changed, as a miscomputing engine
  // would read it: the list cannot be read, and nothing but a restart gives the results.
  const name = fs.readdirSync(dist).find((f) => f.endsWith(".wasm"));
  const wasm = fs.readFileSync(path.join(dist, name));
  const packed = fs.readFileSync(path.join(root, "src/codec/catalogue/page.bin"));
  const at = wasm.indexOf(packed.subarray(0, 64));
  assert.ok(at > 0, "the list's first bytes are in the Wasm");
  const misread = Buffer.from(wasm);
  misread[at] = 0xff;
  const bad = await serve(dist, { compressed: false, files: { [`/${name}`]: { type: "application/wasm", body: misread } } });
  try {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: "zh-CN" });
    const link = profileHash({ members: [{ age: 92, sex: "female", insurance: "resident" }] });
    const page = await openPage(browser, bad, link, { context });
    await until(page, () => window.minshengEngine === "js", undefined, { what: "the restart on the JavaScript build" });
    await cashIs(page, "100");
    assert.match(await page.locator("#notice").innerText(), /已重新启动/);
    assert.equal(await page.evaluate(() => document.body.innerText.includes("make catalogue")), false, "no builder's message for a resident");
    await context.close();
  } finally {
    bad.close();
  }
});

test("a fault at start while the first questions were being answered: the restart keeps what was typed", async () => {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: "zh-CN" });
  await context.addInitScript(faults({ dead: true }));
  const page = await context.newPage();
  // A weak signal, so the answers come before the calculator (which then faults at its start).
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 });
  await page.goto(server.url, { waitUntil: "commit" });
  const age = page.getByLabel("年龄");
  await age.click();
  await page.keyboard.type("77");
  await page.getByLabel("性别").selectOption("女");
  assert.equal(await page.evaluate(() => !!document.getElementById("add-member")), false, "answered before the app");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await until(page, () => window.minshengEngine === "js" && !!document.getElementById("notice") && !!document.getElementById("add-member"), null, { timeout: 60000, what: "the restarted page" });
  assert.deepEqual(await page.evaluate(() => [document.getElementById("m0-age").value, document.getElementById("m0-sex").value]), ["77", "女"]);
  await page.locator('[data-member="0"] [data-item], [data-members~="0"][data-item]').first().waitFor();
  await context.close();
});
