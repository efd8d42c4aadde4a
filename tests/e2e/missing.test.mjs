// An engine may lack any browser API the page uses (WPE WebKit and Android's WebView have no
// speech; insecure pages and old engines no clipboard; private modes refuse storage). Each
// test deletes one, before the page's scripts run, and holds that only its own feature goes:
// the page loads, computes, switches to English, and no error reaches the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, profileHash, cashIs } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HOUSEHOLD = { street: "guanghe", piped_gas: true, members: [{ age: 92, sex: "female", insurance: "resident" }, { age: 79, sex: "male" }] };

/** Opens the shared household's link with `remove` run first in the page; `use` exercises the
 * feature that needs the missing API; then the English switch must work and nothing may fail. */
async function without(remove, use) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: "zh-CN" });
  await context.addInitScript(remove);
  const page = await openPage(browser, server, profileHash(HOUSEHOLD), { context });
  await cashIs(page, "100");
  await use(page);
  await page.locator("#lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.getByLabel("Age", { exact: true }).first().fill("80");
  await cashIs(page, "50");
  assert.deepEqual(page.errors, [], "no error reaches the page");
  await context.close();
}

test("without speech: no read-aloud button, and the language switches", async () => {
  await without(() => { delete window.speechSynthesis; delete window.SpeechSynthesisUtterance; }, async (page) => {
    assert.equal(await page.evaluate(() => window.speechSynthesis), undefined, "speech removed");
    assert.equal(await page.locator("#read-aloud").count(), 0, "reading aloud is not offered");
  });
});

test("with a speech object that has no methods: the switch still works", async () => {
  // An engine that names the object but leaves it empty (the glue would call undefined).
  await without(() => { Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true }); }, async (page) => {
    assert.equal(await page.locator("#read-aloud").count(), 0, "reading aloud is not offered");
  });
});

test("without the clipboard: copying says it failed and gives the text to copy by hand", async () => {
  await without(() => { delete Navigator.prototype.clipboard; }, async (page) => {
    await page.locator("#copy").click();
    await page.locator(".share > p.copied.failed").waitFor();
    assert.ok((await page.locator("#copy-text").inputValue()).length > 100, "the text to copy by hand");
    await page.locator("#share").click();
    await page.locator("#copy-link").click();
    assert.ok(await page.locator("#share-link").isVisible(), "the link stays there to copy by hand");
  });
});

test("with a clipboard that cannot write: copying says it failed", async () => {
  await without(() => { Object.defineProperty(Navigator.prototype, "clipboard", { get: () => ({}), configurable: true }); }, async (page) => {
    await page.locator("#copy").click();
    await page.locator(".share > p.copied.failed").waitFor();
  });
});

test("without storage (refused, as in a private mode): the page works and remembers nothing", async () => {
  await without(() => {
    const refuse = { get() { throw new DOMException("The operation is insecure.", "SecurityError"); }, configurable: true };
    Object.defineProperty(window, "localStorage", refuse);
    Object.defineProperty(window, "sessionStorage", refuse);
  }, async (page) => {
    await page.getByLabel("在本机记住我的回答").check();
    await page.getByLabel("年龄").first().fill("85");
    await cashIs(page, "50");
  });
});

test("without a service worker: the page works online", async () => {
  await without(() => { delete Navigator.prototype.serviceWorker; }, async (page) => {
    assert.equal(await page.evaluate(() => "serviceWorker" in navigator), false, "service worker removed");
  });
});

test("without scrollIntoView: opening the share panel and the jump to the results still work", async () => {
  await without(() => { delete Element.prototype.scrollIntoView; }, async (page) => {
    await page.locator("#share").click();
    await page.locator("#share-panel").waitFor();
    await page.locator("#jump").click();
    await page.waitForFunction(() => document.activeElement?.id === "results-heading");
  });
});

test("without matchMedia: the page works", async () => {
  await without(() => { delete window.matchMedia; }, async () => {});
});

test("without print: the print button does nothing, and nothing fails", async () => {
  await without(() => { delete window.print; }, async (page) => {
    await page.locator("#print").click();
  });
});
