// Beyond one screen: share, print, copy, remember, desk mode, offline, fallback, CSP and
// embedding, each as a person (or a host page) would use it, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import http from "node:http";
import { serve, launch, shotPath, profileHash, root } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HOUSEHOLD = { street: "guanghe", piped_gas: true, members: [{ age: 92, sex: "female", insurance: "resident" }, { age: 79, sex: "male" }] };

async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return page;
}
const ready = (page) => page.locator("[data-cash-month]").waitFor();
const cash = (page) => page.locator("[data-cash-month]").getAttribute("data-cash-month");

test("share: the link carries the answers in the fragment, with a warning and a QR code", async () => {
  const page = await open(server.url);
  await ready(page);
  await page.getByLabel("年龄").first().fill("92");
  await page.getByRole("button", { name: "分享链接和二维码" }).click();
  await page.locator("#share-panel").waitFor();
  assert.match(await page.locator("#share-panel .warning").textContent(), /链接里包含您填写的回答/);
  const link = await page.locator("#share-link").inputValue();
  assert.ok(link.startsWith(server.url + "#profile="), link);
  assert.equal(new URL(link).search, "", "never in the query string");
  assert.ok(page.url().includes("#profile="), "the address bar carries the answers too");
  const qr = page.locator("figure.qr svg path");
  assert.ok((await qr.getAttribute("d")).length > 200, "a QR code is drawn");
  await page.screenshot({ path: shotPath("share-375x667.png"), fullPage: false });
  const other = await open(link);
  await ready(other);
  assert.equal(await cash(other), "100", "the shared link opens the same result");
  assert.deepEqual([...page.errors, ...other.errors], []);
  await other.context().close();
  await page.context().close();
});

test("print: the household's summary fits one A4 page", async () => {
  const page = await open(server.url + profileHash(HOUSEHOLD));
  await ready(page);
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator(".print-only").isVisible(), "title and date are printed");
  assert.ok(!(await page.locator(".questions").isVisible()), "the form is not printed");
  assert.ok(await page.locator('[data-member="0"] [data-item="10"] .dept').isVisible(), "departments are printed");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  fs.writeFileSync(shotPath("print.pdf"), pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, `the summary printed on ${pages} pages`);
  await page.context().close();
});

test("copy: a plain-text summary in the current language goes to the clipboard", async () => {
  const page = await open(server.url + profileHash(HOUSEHOLD), { permissions: ["clipboard-read", "clipboard-write"] });
  await ready(page);
  await page.getByRole("button", { name: "复制文字" }).click();
  await page.getByText("已复制").waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /高龄补贴/);
  assert.match(text, /¥100/);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Copy as text" }).click();
  await page.waitForFunction(async () => /Old-age allowance/.test(await navigator.clipboard.readText()));
  await page.context().close();
});

test("remember: only when asked; forget clears it; corrupt or old stored data is ignored with a message", async () => {
  const page = await open(server.url);
  await ready(page);
  await page.getByLabel("年龄").first().fill("88");
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing stored unless asked");
  await page.getByLabel("在本机记住我的回答").check();
  await page.waitForFunction(() => (localStorage.getItem("minsheng.answers") || "").includes('"age":88'));
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "88", "remembered across a reload");
  await page.getByRole("button", { name: "清除本机保存的回答" }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem("minsheng.answers")), null);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "60", "forgotten");

  for (const [stored, detail] of [["{bad json", /saved: not valid JSON/], ['{"version":0,"profile":{}}', /saved.version: is 0/]]) {
    await page.evaluate((s) => localStorage.setItem("minsheng.answers", s), stored);
    await page.reload();
    await page.locator("#notice").waitFor();
    assert.match(await page.locator("#notice").textContent(), /本机保存的回答无法读取/);
    assert.match(await page.locator("#notice").textContent(), detail);
    assert.equal(await page.evaluate(() => localStorage.getItem("minsheng.answers")), null, "the bad data is removed");
    await page.getByLabel("年龄").first().fill("81");
    await page.waitForFunction(() => document.querySelector("[data-cash-month]").dataset.cashMonth === "50");
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("desk mode: stores nothing; next resident clears page, storage and URL; 3 idle minutes clear it too", async () => {
  for (const entry of ["#desk", "?desk"]) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url + entry);
    await ready(page);
    assert.equal(await page.getByLabel("在本机记住我的回答").count(), 0, "no remember option at the desk");
    await page.getByLabel("年龄").first().fill("92");
    await page.getByLabel("家里有汽车").check();
    await page.getByRole("button", { name: "分享链接和二维码" }).click();
    await page.waitForFunction(() => document.querySelector("[data-cash-month]").dataset.cashMonth === "100");
    assert.ok(!page.url().includes("profile="), "desk mode never writes the answers into the URL");
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    await page.screenshot({ path: shotPath(`desk-1024x768.png`) });

    await page.getByRole("button", { name: "下一位" }).click();
    await page.waitForFunction(() => document.querySelector("[data-cash-month]").dataset.cashMonth === "0");
    assert.equal(await page.getByLabel("年龄").first().inputValue(), "60");
    assert.ok(!(await page.getByLabel("家里有汽车").isChecked()));
    assert.equal(await page.locator("#share-panel").count(), 0, "the share panel closed");
    assert.ok(!(await page.locator("body").innerText()).includes("92"), "nothing of the last resident on the page");
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    assert.ok(!page.url().includes("profile"), "nothing of the last resident in the URL");

    await page.getByLabel("年龄").first().fill("85");
    await page.waitForFunction(() => document.querySelector("[data-cash-month]").dataset.cashMonth === "50");
    await page.clock.runFor(155_000);
    await page.locator("#countdown").waitFor();
    assert.match(await page.locator("#countdown").textContent(), /秒后将自动清空/);
    await page.clock.runFor(30_000);
    await page.waitForFunction(() => document.querySelector("[data-cash-month]").dataset.cashMonth === "0");
    assert.equal(await page.getByLabel("年龄").first().inputValue(), "60", "cleared after 3 idle minutes");
    assert.equal(await page.locator("#countdown").count(), 0);
    await context.close();
  }
});

test("offline: after the first visit the app opens with no network", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + profileHash(HOUSEHOLD));
  await ready(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r));
  });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.equal(await cash(page), "100", "results computed offline");
  await page.goto(server.url + "list.html");
  assert.equal(await page.locator("article[data-item]").count(), 33, "the full list offline too");
  await context.close();
});

test("fallback: without WebAssembly the page says what to do and lists all 33 measures", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(server.url);
  await page.waitForURL(/list\.html#nowasm$/);
  assert.ok(await page.locator("#nowasm").isVisible());
  assert.match(await page.locator("#nowasm").textContent(), /您的浏览器无法运行/);
  assert.equal(await page.locator("article[data-item]").count(), 33);
  await page.screenshot({ path: shotPath("fallback-375x667.png") });
  await context.close();
});

test("security: a Content-Security-Policy of the page's own origin, and nothing violates it", async () => {
  const page = await open(server.url + profileHash(HOUSEHOLD));
  await ready(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|\*|https?:/);
  assert.equal(await page.locator("script:not([src])").count(), 0, "no inline script");
  await page.getByRole("button", { name: "分享链接和二维码" }).click();
  await page.getByRole("button", { name: "English" }).click();
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await page.context().close();
});

test("embedding: the documented host page shows the app in an iframe and evaluates across origins", async () => {
  const example = fs.readFileSync(path.join(root, "examples", "embed.html"), "utf8").replace("https://minsheng.example.gov.cn/", server.url + profileHash(HOUSEHOLD));
  const host = http.createServer((req, res) => { res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }); res.end(example); });
  await new Promise((r) => host.listen(0, "127.0.0.1", r));
  const hostUrl = `http://127.0.0.1:${host.address().port}/`;
  assert.notEqual(new URL(hostUrl).origin, server.origin, "another origin");
  const page = await open(hostUrl, { viewport: { width: 1024, height: 768 } });
  const frame = page.frameLocator("#minsheng");
  await frame.locator("[data-cash-month]").waitFor();
  assert.equal(await frame.locator("[data-cash-month]").getAttribute("data-cash-month"), "100");
  await page.getByRole("button", { name: /Evaluate a 92-year-old/ }).click();
  await page.waitForFunction(() => document.getElementById("answer").textContent.includes("¥100"));
  assert.match(await page.locator("#answer").textContent(), /\[5,10,11,12,19,20,21,22,31\]/);
  // On the same origin, the JavaScript API is there to call directly.
  const app = await open(server.url);
  await ready(app);
  const result = await app.evaluate(() => JSON.parse(window.minsheng.evaluate(JSON.stringify({ members: [{ age: 100, sex: "male" }] }))));
  assert.equal(result.cash.month, "500");
  const error = await app.evaluate(() => { try { window.minsheng.evaluate("{}"); return null; } catch (e) { return e instanceof Error ? e.message : "not an Error"; } });
  assert.equal(error, "members: is required: list 1 to 20 members");
  await app.context().close();
  await page.context().close();
  await new Promise((r) => host.close(r));
});
