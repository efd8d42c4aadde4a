// Beyond one screen: share, print, copy, remember, desk mode, offline, fallback, CSP and
// embedding, each as a person (or a host page) would use it, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import http from "node:http";
import { createRequire } from "node:module";
import { serve, launch, shotPath, profileHash, root, dist, cashIs, noResult, until, workerControls } from "./harness.mjs";

const require = createRequire(path.join(root, "tools", "package.json"));
const jsQR = require("jsqr");
const { PNG } = require("pngjs");

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
const formReady = (page) => page.locator("#results-heading").waitFor();
const cash = (page) => page.locator("[data-cash-month]").getAttribute("data-cash-month");

test("share: the link carries the answers while the panel is open, never older ones; a QR code a phone reads", async () => {
  const page = await open(server.url, { viewport: { width: 1024, height: 768 } });
  await formReady(page);
  await page.getByLabel("年龄").first().fill("78");
  await page.getByLabel("所在街道").selectOption({ label: "洸河街道" });
  await page.getByRole("button", { name: "分享链接和二维码" }).click();
  await page.locator("#share-panel").waitFor();
  assert.match(await page.locator("#share-panel .warning").textContent(), /链接里包含您填写的回答/);
  const link = await page.locator("#share-link").inputValue();
  assert.ok(link.startsWith(server.url + "#profile="), link);
  assert.equal(new URL(link).search, "", "never in the query string");
  assert.ok(page.url().includes("#profile="), "the address bar carries the answers while the panel is open");
  const short = JSON.parse(Buffer.from(link.split("#profile=")[1], "base64url").toString());
  // The insurance a person has not answered is "not sure", which the contract's default ("none") is not.
  assert.deepEqual(short, { street: "guanghe", members: [{ age: 78, sex: "female", insurance: "unsure" }] }, "the short form: defaults left out");
  // The address follows a change while open, and carries nothing once closed.
  await page.getByLabel("年龄").first().fill("84");
  await page.waitForFunction(() => location.hash.length > 9 && atob(location.hash.slice(9).replace(/-/g, "+").replace(/_/g, "/")).includes('"age":84'));
  await page.getByRole("button", { name: "分享链接和二维码" }).click();
  await page.waitForFunction(() => !location.href.includes("profile="));
  await page.getByLabel("所在街道").selectOption({ label: "黄屯街道" });
  await page.reload();
  await cashIs(page, "50");
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "84", "a reload brings the latest answers, not an older link");
  assert.equal(await page.getByLabel("所在街道").inputValue(), "黄屯街道");

  // A QR code at ≥ 4 CSS px a module on a tablet that a phone's reader decodes, for three people.
  await page.getByRole("button", { name: "添加家庭成员" }).click();
  await page.getByLabel("年龄").nth(1).fill("81");
  await page.getByRole("button", { name: "添加家庭成员" }).click();
  await page.getByLabel("年龄").nth(2).fill("9");
  await page.getByRole("button", { name: "分享链接和二维码" }).click();
  const figure = page.locator("figure.qr");
  await figure.waitFor();
  const px = Number(await figure.getAttribute("data-module-px"));
  const size = Number((await figure.locator("svg").getAttribute("viewBox")).split(" ")[2]);
  const drawn = (await figure.locator("svg").boundingBox()).width;
  assert.ok(px >= 4 && Math.abs(drawn - px * size) < 1, `${px} CSS px a module on a tablet (${size} modules, ${drawn} px drawn)`);
  const png = PNG.sync.read(await figure.locator("svg").screenshot());
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(read, "a QR reader decodes the code");
  assert.equal(read.data, await page.locator("#share-link").inputValue());
  await page.screenshot({ path: shotPath("share-1024x768.png"), fullPage: false });
  await page.setViewportSize({ width: 375, height: 667 });
  await page.getByRole("button", { name: "分享链接和二维码" }).click();
  await page.getByLabel("年龄").nth(2).fill("");
  await page.getByLabel("年龄").nth(2).fill("9");
  await page.getByRole("button", { name: "分享链接和二维码" }).click();
  await figure.waitFor();
  const phonePx = Number(await figure.getAttribute("data-module-px"));
  assert.ok(phonePx >= 3, `${phonePx} CSS px a module on a phone`);
  await page.screenshot({ path: shotPath("share-375x667.png"), fullPage: false });

  const other = await open(link);
  await ready(other);
  assert.equal(await other.locator("[data-cash-month]").getAttribute("data-cash-month"), "0", "the shared link opens its own answers (78)");
  assert.deepEqual([...page.errors, ...other.errors], []);
  await other.context().close();
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
  await page.getByRole("button", { name: "Copy text" }).click();
  await until(page, async () => /Old-age allowance/.test(await navigator.clipboard.readText()), null, { what: "the English text on the clipboard" });
  await page.context().close();
});

test("remember: the tab keeps the latest answers; the device only when asked; forget clears it; corrupt data removed, a newer version's kept", async () => {
  const page = await open(server.url);
  await formReady(page);
  await page.getByLabel("年龄").first().fill("88");
  await page.getByLabel("残疾情况").selectOption({ label: "肢体残疾" });
  assert.equal(await page.evaluate(() => localStorage.getItem("minsheng.answers")), null, "nothing kept on the device unless asked");
  await page.reload();
  await cashIs(page, "50");
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "88", "a reload brings back the tab's answers");
  assert.equal(await page.getByLabel("残疾情况").inputValue(), "肢体残疾");
  await page.getByLabel("年龄").first().fill("8");
  // The tab's copy follows the render; a person's reload comes later than a test's.
  await page.waitForFunction(() => Object.values(sessionStorage).some((v) => v.includes('"ages":["8"]')));
  await page.reload();
  await formReady(page);
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "8", "even a half-typed age comes back as typed");
  await page.getByLabel("年龄").first().fill("88");
  await page.getByLabel("在本机记住我的回答").check();
  await page.waitForFunction(() => (localStorage.getItem("minsheng.answers") || "").includes('"age":88'));
  const fresh = await page.context().newPage();
  await fresh.goto(server.url);
  await cashIs(fresh, "50");
  assert.equal(await fresh.getByLabel("年龄").first().inputValue(), "88", "remembered in a new tab");
  assert.ok(await fresh.getByLabel("在本机记住我的回答").isChecked());
  await fresh.getByRole("button", { name: "清除本机保存的回答" }).click();
  assert.equal(await fresh.evaluate(() => localStorage.getItem("minsheng.answers")), null);
  await fresh.close();
  const blank = await page.context().newPage();
  await blank.goto(server.url);
  await formReady(blank);
  assert.equal(await blank.getByLabel("年龄").first().inputValue(), "", "forgotten");
  await blank.close();

  for (const [stored, detail] of [["{bad json", /saved: not valid JSON/], ['{"version":0,"profile":{}}', /saved.version: is 0/]]) {
    await page.evaluate((s) => { sessionStorage.clear(); localStorage.setItem("minsheng.answers", s); }, stored);
    await page.reload();
    await page.locator("#notice").waitFor();
    assert.match(await page.locator("#notice").innerText(), /本机保存的回答已损坏/);
    assert.match(await page.locator("#notice").textContent(), detail);
    assert.equal(await page.evaluate(() => localStorage.getItem("minsheng.answers")), null, "the corrupt data is removed");
    await page.getByLabel("年龄").first().fill("81");
    await cashIs(page, "50");
  }
  const newer = '{"version":9,"profile":{"members":[{"age":70,"sex":"male"}]},"pets":2}';
  await page.evaluate((s) => { sessionStorage.clear(); localStorage.setItem("minsheng.answers", s); }, newer);
  await page.reload();
  await page.locator("#notice").waitFor();
  assert.match(await page.locator("#notice").innerText(), /来自更新版本的页面/);
  assert.equal(await page.evaluate(() => localStorage.getItem("minsheng.answers")), newer, "a newer version's answers are kept");
  assert.ok(await page.getByRole("button", { name: "清除本机保存的回答" }).isVisible(), "forget is offered whenever something is stored");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("preferences: language and text size come back after a reload, never at the desk; old stored answers are migrated", async () => {
  const page = await open(server.url);
  await formReady(page);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Large text" }).click();
  await page.reload();
  await formReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en", "English kept");
  assert.equal(await page.evaluate(() => document.documentElement.className), "large", "large text kept");
  // Written when they change, not with every answer typed (nor over another tab's change).
  await page.evaluate(() => {
    window.__prefsWrites = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === "minsheng.prefs") window.__prefsWrites++;
      return set.call(this, key, value);
    };
  });
  await page.getByRole("textbox", { name: "Age", exact: true }).pressSequentially("67");
  await page.waitForFunction(() => (sessionStorage.getItem("minsheng.answers") || "").includes('"67"'));
  assert.equal(await page.evaluate(() => window.__prefsWrites), 0, "typing an age writes no preference");
  await page.getByRole("button", { name: "中文" }).click();
  await page.waitForFunction(() => window.__prefsWrites === 1);
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForFunction(() => window.__prefsWrites === 2);
  // Version 1 of the stored envelope (a profile alone) is read and migrated, not discarded.
  await page.evaluate(() => { sessionStorage.clear(); localStorage.setItem("minsheng.answers", '{"version":1,"profile":{"members":[{"age":91,"sex":"male"}]}}'); });
  await page.reload();
  await cashIs(page, "100");
  assert.equal(await page.getByRole("textbox", { name: "Age", exact: true }).inputValue(), "91");
  assert.equal(await page.locator("#notice").count(), 0, "no complaint about old answers");
  await page.waitForFunction(() => localStorage.getItem("minsheng.answers").startsWith('{"version":3'));
  await page.context().close();

  const desk = await open(server.url + "?desk");
  await formReady(desk);
  await desk.getByRole("button", { name: "English" }).click();
  assert.equal(await desk.evaluate(() => localStorage.length + sessionStorage.length), 0, "the desk keeps no preference");
  // Over an empty form (a preference is no answer) it clears at once.
  await desk.getByRole("button", { name: "Next resident" }).first().click();
  await desk.waitForFunction(() => document.documentElement.lang === "zh-CN");
  await desk.context().close();
});

test("a link and stored answers: the link's are shown, the stored ones are said to exist, and can be used instead", async () => {
  const page = await open(server.url);
  await formReady(page);
  await page.getByLabel("年龄").first().fill("92");
  await page.getByLabel("在本机记住我的回答").check();
  await page.waitForFunction(() => (localStorage.getItem("minsheng.answers") || "").includes('"age":92'));
  const tab = await page.context().newPage();
  await tab.goto(server.url + profileHash({ members: [{ age: 84, sex: "male" }] }));
  await cashIs(tab, "50");
  assert.match(await tab.locator("#notice").innerText(), /本机还保存着另一份回答/);
  assert.ok(await tab.getByLabel("在本机记住我的回答").isChecked(), "the remember box tells the truth");
  assert.ok(await tab.getByRole("button", { name: "清除本机保存的回答" }).isVisible());
  assert.ok((await tab.evaluate(() => localStorage.getItem("minsheng.answers"))).includes('"age":92'), "not overwritten while undecided");
  assert.ok(!tab.url().includes("profile="), "the link's answers leave the address once read");
  await tab.getByRole("button", { name: "改用本机保存的回答" }).click();
  await cashIs(tab, "100");
  assert.equal(await tab.getByLabel("年龄").first().inputValue(), "92");
  await page.context().close();
});

test("desk mode: sticks across links and reloads, stores nothing; next resident clears page, storage, URL and clipboard; a visible idle warning", async () => {
  for (const entry of ["#desk", "?desk"]) {
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url + entry);
    await formReady(page);
    assert.equal(new URL(page.url()).search, "?desk", "desk mode is kept in the query, where no in-page link drops it");
    await page.clock.runFor(200_000);
    assert.equal(await page.locator("#countdown").count(), 0, "no countdown over an empty form");
    // Leaving desk mode is deliberate: away from 下一位, and confirmed in place.
    await page.getByRole("button", { name: "退出服务台模式" }).click();
    assert.ok(await page.getByRole("button", { name: "确定退出" }).isVisible());
    await page.getByRole("button", { name: "取消" }).click();
    assert.equal(await page.getByRole("button", { name: "确定退出" }).count(), 0);
    assert.equal(await page.getByLabel("在本机记住我的回答").count(), 0, "no remember option at the desk");
    await page.getByLabel("年龄").first().fill("92");
    await page.getByLabel("家里有汽车").check();
    await page.getByRole("button", { name: "分享链接和二维码" }).click();
    await cashIs(page, "100");
    await page.locator("#jump").click();
    assert.ok(!page.url().includes("profile="), "desk mode never writes the answers into the URL");
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    await page.getByRole("button", { name: "复制文字" }).click();
    await page.getByText("已复制").waitFor();
    await page.screenshot({ path: shotPath("desk-768x1024.png") });

    // "Next resident" asks first, in place: one tap too many keeps the resident's answers.
    await page.getByRole("button", { name: "下一位" }).first().click();
    assert.ok(await page.getByText("这位居民的全部回答都会清除，无法找回。").isVisible(), "the header's button asks first");
    await until(page, async () => document.activeElement?.id === "next-resident-cancel", undefined, { what: "the focus to move into the question, on 取消" });
    // Escape is "no", and the focus goes back to the button that asked.
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("#next-resident-confirm").count(), 0);
    await until(page, async () => document.activeElement?.id === "next-resident", undefined, { what: "the focus to come back to 下一位" });
    await page.getByRole("button", { name: "下一位" }).first().click();
    await page.getByRole("button", { name: "取消" }).click();
    assert.equal(await page.locator("#next-resident-confirm").count(), 0);
    assert.equal(await page.getByLabel("年龄").first().inputValue(), "92", "nothing cleared on the first tap");
    // The focus goes back to the button that asked, which brings the header into view: only
    // then is the page scrolled to its end (scrolled before, the focus could bring it back up).
    await until(page, async () => document.activeElement?.id === "next-resident", undefined, { what: "the focus to come back to 下一位 after 取消" });
    // Where the clerk finishes, at the end of the results: a second "next resident", on the last
    // screen.
    assert.equal(await page.locator(".results #next-resident-foot").count(), 1, "the second button ends the results");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const foot = await page.evaluate(() => {
      const r = document.querySelector("#next-resident-foot").getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    assert.ok(foot.top >= 0 && foot.bottom <= foot.height, `the foot's "next resident" is on the last screen (${Math.round(foot.top)}–${Math.round(foot.bottom)} of ${foot.height} px)`);
    // The printout is the resident's: no clerk's button on the paper.
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("#next-resident-foot").isVisible(), false, "no 下一位 on the printout");
    await page.emulateMedia({ media: "screen" });
    await page.locator("#next-resident-foot").click();
    await page.getByRole("button", { name: "清除，接待下一位" }).click();
    await noResult(page);
    assert.equal(await page.locator("#notice").count(), 0, "a clerk's own clearing needs no explaining");
    assert.equal(await page.getByLabel("年龄").first().inputValue(), "");
    // The clerk types the next resident's age at once: the focus is in the first age box.
    await page.waitForFunction(() => /^m\d+-age$/.test(document.activeElement?.id ?? ""));
    await page.keyboard.type("45");
    assert.equal(await page.getByLabel("年龄").first().inputValue(), "45");
    await page.getByLabel("年龄").first().fill("");
    assert.ok(!(await page.getByLabel("家里有汽车").isChecked()));
    assert.equal(await page.locator("#share-panel").count(), 0, "the share panel closed");
    assert.ok(!(await page.locator("body").innerText()).includes("92"), "nothing of the last resident on the page");
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    assert.ok(!page.url().includes("profile"), "nothing of the last resident in the URL");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "", "nor on the clipboard");
    assert.equal(new URL(page.url()).search, "?desk", "still a desk");
    await page.reload();
    await formReady(page);
    assert.ok(await page.getByRole("button", { name: "下一位" }).first().isVisible(), "still a desk after a reload");
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, "leaving the page kept no reading position at the desk");
    assert.equal(await page.getByLabel("在本机记住我的回答").count(), 0);

    await page.getByLabel("年龄").first().fill("85");
    await cashIs(page, "50");
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.clock.runFor(155_000);
    const countdown = page.locator("#countdown");
    await countdown.waitFor();
    assert.match(await countdown.innerText(), /秒后将自动清空/);
    const box = await countdown.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 1024 + 1, `the warning is in view (top ${box.y}) with the page scrolled`);
    const size = await countdown.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 24, `the warning is large (${size} px)`);
    await page.getByRole("button", { name: "继续使用" }).click();
    assert.equal(await countdown.count(), 0, "keep going dismisses it");
    assert.equal(await page.getByLabel("年龄").first().inputValue(), "85");
    // A question left open does not hold the clearing back, nor outlive the resident.
    await page.getByRole("button", { name: "下一位" }).first().click();
    await page.locator("#next-resident-confirm").waitFor();
    await page.clock.runFor(185_000);
    await noResult(page);
    assert.equal(await page.getByLabel("年龄").first().inputValue(), "", "cleared after 3 idle minutes");
    assert.equal(await page.locator("#countdown").count(), 0);
    assert.equal(await page.locator("#confirm-next").count(), 0, "no question left from the last resident");
    // A clerk coming back finds why the form is empty; nobody's keyboard was raised.
    assert.match(await page.locator("#notice").innerText(), /页面在3分钟无人操作后已自动清空/);
    assert.ok(!(await page.evaluate(() => /^m\d+-age$/.test(document.activeElement?.id ?? ""))), "the focus is not in an age box");
    await page.getByLabel("年龄").first().fill("66");
    await page.locator("#notice").waitFor({ state: "detached" });
    await context.close();
  }
});

test("desk mode typed into an open page starts a desk from nothing", async () => {
  const page = await open(server.url);
  await formReady(page);
  await page.getByLabel("年龄").first().fill("52");
  await page.evaluate(() => { location.hash = "desk"; });
  await page.waitForURL(/\?desk$/);
  await formReady(page);
  assert.ok(await page.getByRole("button", { name: "下一位" }).first().isVisible());
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "", "the visitor's answers are gone");
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  await page.context().close();
});

test("members keep their identity: removing one never hands their half-typed age to another", async () => {
  const page = await open(server.url);
  await formReady(page);
  await page.getByLabel("年龄").first().fill("7");
  await page.getByRole("button", { name: "添加家庭成员" }).click();
  await page.getByLabel("年龄").nth(1).fill("85");
  await page.getByLabel("性别").nth(1).selectOption({ label: "男" });
  await page.getByRole("button", { name: "删除此成员" }).first().click();
  await cashIs(page, "50");
  assert.equal(await page.getByLabel("年龄").count(), 1);
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "85", "the remaining member keeps their own age");
  assert.equal(await page.getByLabel("性别").first().inputValue(), "男");
  await page.context().close();
});

test("offline: after the first visit the app opens with no network", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + profileHash(HOUSEHOLD));
  await ready(page);
  await workerControls(page);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.equal(await cash(page), "100", "results computed offline");
  // An item's source text is fetched when first opened: the worker kept it.
  const allowance = page.locator('[data-member="0"] [data-item="10"]');
  await allowance.locator("summary").first().click();
  await allowance.locator("details.source > summary").click();
  await page.waitForFunction(() => document.querySelector('[data-member="0"] [data-item="10"] details.source blockquote').textContent.startsWith("10、提高老年人高龄补贴标准。80-89周岁老年人每人每月发放50元"));
  assert.match(await allowance.locator(".m-detail .summary").innerText(), /^80至89周岁每人每月50元；90至99周岁每月100元/);
  await page.goto(server.url + "list.html");
  assert.equal(await page.locator("article[data-item]").count(), 33, "the full list offline too");
  await context.close();
});

test("a returning visit opens from the kept page at once, and a new release shows from the visit after", async () => {
  // Two releases in two folders; the server's root is a link moved from one to the other.
  const work = fs.mkdtempSync(path.join(root, "target", "release-"));
  const [a, b, live] = ["a", "b", "live"].map((n) => path.join(work, n));
  fs.cpSync(dist, a, { recursive: true });
  fs.cpSync(dist, b, { recursive: true });
  for (const f of ["index.html", "sw.js"]) for (const ext of [".br", ".gz"]) fs.rmSync(path.join(b, f + ext), { force: true });
  const edit = (file, from, to) => {
    const text = fs.readFileSync(path.join(b, file), "utf8");
    assert.ok(text.includes(from), `${file} has ${from}`);
    fs.writeFileSync(path.join(b, file), text.replace(from, to));
  };
  edit("index.html", "content=济宁高新区2022年民生实事查询", "content=新版：济宁高新区2022年民生实事查询");
  let page;
  const release = () => page.evaluate(() => document.querySelector('meta[name="description"]').content.startsWith("新版") ? "new" : "old");
  edit("sw.js", '"minsheng-', '"minsheng-next-');
  fs.symlinkSync(a, live);
  const site = await serve(live);
  const context = await browser.newContext();
  page = await context.newPage();
  try {
    await page.goto(site.url);
    await workerControls(page);
    fs.unlinkSync(live);
    fs.symlinkSync(b, live);
    await page.goto(site.url);
    assert.equal(await release(), "old", "the kept page, at once");
    await until(page, async () => (await caches.keys()).some((k) => k.startsWith("minsheng-next-")), null, { what: "the new release's cache" });
    await until(page, async () => !(await caches.keys()).some((k) => /^minsheng-[0-9a-f]+$/.test(k)), null, { what: "the old release's cache to go" });
    await page.goto(site.url);
    assert.equal(await release(), "new", "the new release, from the next visit");
    await page.locator("#results-heading").waitFor();
  } finally {
    await context.close();
    await site.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

/**
 * Opens the page in a context prepared by `setup`, and checks that list.html took over with the
 * notice `why`: `nowasm` (this browser cannot run the calculator) or `failed` (it did not load).
 */
async function fallsBackToList(setup, why, shot) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  await setup(context);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForURL(new RegExp(`list\\.html#${why}$`));
  const notice = page.locator(`#${why}`);
  assert.ok(await notice.isVisible());
  assert.match(await notice.textContent(), why === "nowasm" ? /您的浏览器无法运行/ : /没有完整加载/);
  assert.equal(await page.locator(".notice:visible").count(), 1, "one notice");
  assert.equal(await page.locator("article[data-item]").count(), 33);
  if (shot) await page.screenshot({ path: shotPath(shot) });
  await context.close();
}

test("fallback: an engine without module scripts gets the list, which says what to do and lists all 33 measures", async () => {
  await fallsBackToList((context) => context.addInitScript(() => { delete HTMLScriptElement.prototype.noModule; }), "nowasm", "fallback-375x667.png");
});

test("fallback: where neither the Wasm nor the JavaScript build can start, the list says the page did not load", async () => {
  await fallsBackToList(async (context) => {
    await context.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("\0asm broken") }));
    await context.route(/\/jsbuild-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: "" }));
  }, "failed", "fallback-failed-375x667.png");
});

test("fallback: an app script that cannot be fetched never leaves the page stuck on 'loading'", async () => {
  await fallsBackToList((context) => context.route(/\/minsheng-[0-9a-f]+\.js$/, (route) => route.abort()), "failed");
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
  await formReady(app);
  const result = await app.evaluate(() => JSON.parse(window.minsheng.evaluate(JSON.stringify({ members: [{ age: 100, sex: "male" }] }))));
  assert.equal(result.cash.month, "500");
  const error = await app.evaluate(() => { try { window.minsheng.evaluate("{}"); return null; } catch (e) { return e instanceof Error ? e.message : "not an Error"; } });
  assert.equal(error, "members: is required: list 1 to 20 members");
  await app.context().close();
  await page.context().close();
  await new Promise((r) => host.close(r));
});
