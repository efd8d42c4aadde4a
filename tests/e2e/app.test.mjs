// The page as a person uses it, in real headless Chromium against the release dist/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, shotPath, profileHash, axePath, openPage, cashIs } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A fresh page that records page errors and every request to another origin. */
function open(hash = "", viewport = { width: 375, height: 667 }, extra = {}) {
  return openPage(browser, server, hash, { viewport, ...extra });
}

async function done(page) {
  assert.deepEqual(page.errors, [], "no errors on the page");
  assert.deepEqual(page.foreign, [], "no request leaves the page's origin");
  await page.context().close();
}

test("the page loads, and typing an age changes the results", async () => {
  const page = await open();
  assert.equal(await page.locator("h1").textContent(), "民生实事查询");
  assert.equal(await page.locator("[data-cash-month]").count(), 0, "no result before an age");
  await page.getByLabel("年龄").first().fill("80");
  await cashIs(page, "50");
  assert.ok(await page.locator('[data-member="0"] [data-item="10"]').isVisible());
  await page.screenshot({ path: shotPath("home-375x667.png"), fullPage: false });
  await done(page);
});

test("a household: fill by labels, add a member, totals add up", async () => {
  const page = await open();
  await page.getByLabel("年龄").first().fill("85");
  await page.getByLabel("所在街道").selectOption({ label: "洸河街道" });
  await page.getByLabel("家里用管道天然气").check();
  await page.getByRole("button", { name: "添加家庭成员" }).click();
  const second = page.getByLabel("年龄").nth(1);
  await second.fill("92");
  await page.getByLabel("性别").nth(1).selectOption({ label: "男" });
  await page.getByLabel("医疗保险").nth(1).selectOption({ label: "居民医保" });
  await page.getByLabel("医疗保险").first().selectOption({ label: "居民医保" });
  await cashIs(page, "150");
  // A measure both get is one line, for both, inside neither's own section; each section names it.
  assert.ok(await page.locator('[data-members="0 1"][data-item="20"]').isVisible());
  assert.equal(await page.locator('[data-member] li[data-item="20"]').count(), 0);
  for (const i of [0, 1]) {
    const own = page.locator(`[data-member="${i}"] .also`);
    assert.equal(await own.locator("summary").innerText(), "还有上面列出的7项");
    await own.locator("summary").click();
    assert.match(await own.locator('[data-item="20"]').innerText(), /提高居民医保住院报销比例/);
  }
  assert.ok(await page.locator('[data-scope="household"] [data-item="32"]').isVisible());
  const { lines, measures, numbers } = await page.evaluate(() => {
    const items = [...document.querySelectorAll('li[data-item]')].map((e) => e.dataset.item + "/" + e.dataset.measure + "/" + (e.dataset.members ?? e.closest("[data-member]")?.dataset.member ?? "h"));
    return { lines: items.length, measures: new Set(items).size, numbers: new Set(items.map((i) => i.split("/")[0])).size };
  });
  assert.equal(lines, measures, `each measure once for whom it is (${lines} lines, ${measures} measures)`);
  // The bar counts the list's measures, each once.
  assert.match(await page.locator("#jump").innerText(), new RegExp(`^共${numbers}项，每月¥150`));
  await page.getByRole("button", { name: "删除此成员" }).first().click();
  await cashIs(page, "100");
  await done(page);
});

test("a #profile= link opens with its answers and results; English and large text switch", async () => {
  const hash = profileHash({ street: "guanghe", piped_gas: true, members: [{ age: 92, sex: "female", insurance: "resident" }, { age: 79, sex: "male" }] });
  const page = await open(hash);
  await cashIs(page, "100");
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "92");
  assert.ok(await page.locator('[data-member="1"] [data-near-item~="10"]').isVisible(), "a 79-year-old is told about 80");
  await page.screenshot({ path: shotPath("results-zh-375x667.png"), fullPage: true });

  await page.getByRole("button", { name: "English" }).click();
  await page.getByLabel("Age").first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.ok(await page.getByText("Old-age allowance").first().isVisible());
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: shotPath("results-en-1024x768.png"), fullPage: false });

  await page.getByRole("button", { name: "Large text" }).click();
  const sizes = await page.evaluate(() => ({
    body: parseFloat(getComputedStyle(document.body).fontSize),
    figure: parseFloat(getComputedStyle(document.querySelector(".cash-figure strong")).fontSize),
    button: document.querySelector("#lang-switch").getBoundingClientRect().height,
    line: parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize),
  }));
  assert.ok(sizes.body >= 18, `body ${sizes.body}px`);
  assert.ok(sizes.figure >= 30, `key figure ${sizes.figure}px`);
  assert.ok(sizes.button >= 60, `touch target ${sizes.button}px in large mode`);
  assert.ok(sizes.line >= 1.3, `line height ${sizes.line}`);
  await page.setViewportSize({ width: 375, height: 667 });
  await page.getByRole("button", { name: "Large text" }).click();
  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("button", { name: "大字模式" }).click();
  await page.screenshot({ path: shotPath("results-large-375x667.png"), fullPage: false });
  await done(page);
});

test("the reader's own font size setting carries through", async () => {
  const page = await open();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24, fixed: 20 } });
  await page.reload();
  await page.locator("#results-heading").waitFor();
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.equal(size, 27, "body text is 1.125 × the browser's default size (24 px here)");
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole("button", { name: "大字模式" }).click();
  await page.screenshot({ path: shotPath("large-zh-1024x768.png") });
  await done(page);
});

test("a broken #profile= link shows a clear message and the empty form", async () => {
  const page = await open("#profile=bm90IGpzb24");
  const notice = page.locator("#notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /链接里的回答无法读取/);
  assert.match(await notice.textContent(), /profile: not valid JSON/, "the field-naming detail is kept, folded, for staff");
  assert.equal(await page.getByLabel("年龄").first().inputValue(), "", "the empty form");
  await page.getByRole("button", { name: "知道了" }).click();
  assert.equal(await notice.count(), 0);
  const bad = await open(profileHash({ members: [{ age: 200, sex: "female" }] }));
  assert.match(await bad.locator("#notice").textContent(), /members\[0\]\.age: must be a whole number from 0 to 130/);
  await done(bad);
  await done(page);
});

test("housing estates follow the street: only the street's own are offered; an impossible pair in a link is refused", async () => {
  // The source: 洸河街道科苑小区、西闸小区、银都小区、电业局宿舍; 黄屯街道云创小镇社区.
  const page = await open();
  await page.getByLabel("年龄").first().fill("70");
  const estates = () => page.locator("#community option").allTextContents();
  assert.deepEqual(await estates(), ["不清楚 / 其他", "科苑小区", "西闸小区", "银都小区", "电业局宿舍", "云创小镇社区"], "every estate before a street is chosen");
  await page.getByLabel("所在街道").selectOption({ label: "洸河街道" });
  assert.deepEqual(await estates(), ["不清楚 / 其他", "科苑小区", "西闸小区", "银都小区", "电业局宿舍"]);
  await page.getByLabel("所在小区").selectOption({ label: "科苑小区" });
  await page.locator('[data-scope="household"] [data-item="2"]').waitFor();
  await page.getByLabel("所在街道").selectOption({ label: "黄屯街道" });
  assert.deepEqual(await estates(), ["不清楚 / 其他", "云创小镇社区"]);
  assert.equal(await page.evaluate(() => document.querySelector("#community").selectedOptions[0].textContent), "不清楚 / 其他", "科苑 is not kept on another street");
  assert.equal(await page.locator('[data-scope="household"] [data-item="2"]').count(), 0, "nor its renovation");
  await page.getByLabel("所在街道").selectOption({ label: "接庄街道" });
  assert.equal(await page.locator("#community").count(), 0, "no estate to ask about where the source names none");
  await done(page);
  const impossible = await open(profileHash({ street: "jiezhuang", community: "keyuan", members: [{ age: 70, sex: "female" }] }));
  assert.match(await impossible.locator("#notice").textContent(), /community: `keyuan` lies in street `guanghe`, not in the given street `jiezhuang`/);
  assert.equal(await impossible.locator("[data-cash-month]").count(), 0, "never evaluated as if both held");
  await done(impossible);
});

test("keyboard only: the first stop skips to the results, shown while it has the focus", async () => {
  const page = await open(profileHash({ members: [{ age: 92, sex: "female" }] }), { width: 1024, height: 768 });
  await cashIs(page, "100");
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => {
    const e = document.activeElement; const r = e.getBoundingClientRect();
    return { text: e.textContent, left: r.left, top: r.top, width: r.width };
  });
  assert.equal(skip.text, "跳到查询结果");
  assert.ok(skip.left >= 0 && skip.top >= 0 && skip.width > 0, `on screen while focused: ${JSON.stringify(skip)}`);
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "results-heading");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => Boolean(document.activeElement.closest(".results"))), "the next stop is in the results");
  await done(page);
});

test("keyboard only: tab to the age, type, and see the result; focus is always visible", async () => {
  const page = await open();
  let focused = "";
  for (let i = 0; i < 30 && focused !== "m0-age"; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
    });
    assert.ok(outline, `focus visible on ${focused}`);
  }
  assert.equal(focused, "m0-age");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("90");
  await cashIs(page, "100");
  await done(page);
});

test("axe-core finds no violation in the other states: empty, invalid age, share panel, why not in English, desk countdown", async () => {
  const states = [
    ["empty form", "", null],
    ["invalid age", "", async (p) => { await p.getByLabel("年龄").first().fill("131"); await p.locator(".field-error").waitFor(); }],
    ["share panel", profileHash({ members: [{ age: 80, sex: "male" }] }), async (p) => { await p.locator("#share").click(); await p.locator("figure.qr").waitFor(); }],
    ["why not, English", profileHash({ members: [{ age: 80, sex: "male" }] }), async (p) => {
      await p.locator("#lang-switch").click();
      await p.locator("details.why-not summary").first().click();
      await p.locator("details.why-not ul").first().waitFor();
    }],
    ["desk countdown, large text", "?desk", async (p) => {
      await p.locator("#large-switch").click();
      await p.getByLabel("年龄").first().fill("80");
      await p.clock.runFor(155_000);
      await p.locator("#countdown").waitFor();
    }],
  ];
  for (const [name, address, prepare] of states) {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, bypassCSP: true });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url + address);
    await page.locator("#results-heading").waitFor();
    if (prepare) await prepare(page);
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    assert.deepEqual(result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [], name);
    await context.close();
  }
});

test("axe-core finds no serious or critical violation on the results page", async () => {
  const hash = profileHash({ street: "wangyin", area: "rural", lift: true, members: [{ age: 92, sex: "female", insurance: "resident" }, { age: 8, sex: "male", cerebral_palsy: true }] });
  for (const lang of ["中文", "English"]) {
    // axe-core is injected as an inline script, which the page's own CSP rightly refuses.
    const page = await open(hash, undefined, { bypassCSP: true });
    await cashIs(page, "100");
    if (lang === "English") await page.getByRole("button", { name: "English" }).click();
    await page.locator("details").first().evaluate((d) => { d.open = true; });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [], lang);
    await done(page);
  }
});

test("in English, Chinese names (departments, offices) are marked as Chinese for screen readers", async () => {
  const page = await open(profileHash({ street: "guanghe", members: [{ age: 84, sex: "male", insurance: "resident" }] }));
  await cashIs(page, "50");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByLabel("Age").first().waitFor();
  const line = page.locator('[data-member="0"] [data-item="10"]');
  await line.locator("summary").click();
  const dept = line.locator(".dept");
  await dept.waitFor();
  const marked = await dept.locator('span[lang="zh-CN"]').allTextContents();
  assert.ok(marked.length > 0, "a Chinese name is marked");
  for (const run of marked) assert.doesNotMatch(run, /[A-Za-z]/, `only Chinese inside lang="zh-CN": ${run}`);
  const text = await dept.textContent();
  assert.match(text, /department in charge/, "the English words stay English");
  const unmarked = await dept.evaluate((p) => [...p.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(""));
  assert.doesNotMatch(unmarked, /[\u4e00-\u9fff]/, "no Chinese left unmarked");
  await done(page);
});

test("a screen reader hears words: no drawn symbol in a name, each why-not fold says whose, the results announced once an answer is committed", async () => {
  for (const lang of ["zh", "en"]) {
    const page = await open(profileHash({ street: "guanghe", members: [{ age: 85, sex: "female", insurance: "resident" }, { age: 92, sex: "male", insurance: "resident" }] }));
    await cashIs(page, "150");
    if (lang === "en") await page.locator("#lang-switch").click();
    await page.locator("#large-switch").click();
    await page.locator("[data-member]").first().waitFor();
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const named = nodes.filter((n) => !n.ignored && n.name?.value && ["button", "DisclosureTriangle", "heading", "link", "checkbox"].includes(n.role?.value)).map((n) => n.name.value);
    assert.ok(named.length > 10, `${named.length} named controls`);
    const symbols = named.filter((name) => /[✓▸▾]|^\?/.test(name));
    assert.deepEqual(symbols, [], `${lang}: no drawn symbol in a control's name`);
    assert.ok(named.includes(lang === "zh" ? "大字模式" : "Large text"), `${lang}: the text-size toggle is named by its words (it is pressed)`);
    // Two members, two why-not folds: each says whose.
    const whyNot = named.filter((name) => (lang === "zh" ? /为什么不适用/ : /^.*Why not the other/).test(name) && !/household|全家/.test(name));
    assert.deepEqual(whyNot.map((n) => n.replace(/\d+/g, "N").replace(/\s+/g, " ").replace("： ", "：")), lang === "zh"
      ? ["N岁女性：其他N项为什么不适用", "N岁男性：其他N项为什么不适用"]
      : ["Woman, N: Why not the other N", "Man, N: Why not the other N"]);
    await page.context().close();
  }
  // Typing "85" is heard once, when the box is left: not "8" on the way.
  const page = await open();
  const status = page.locator(".questions [role=status]");
  assert.equal(await page.locator(".cash[aria-live]").count(), 0, "the cash box is no live region");
  const box = page.getByLabel("年龄").first();
  await box.click();
  await box.pressSequentially("8");
  await page.locator("[data-cash-month]").waitFor();
  assert.equal(await status.textContent(), "", "nothing said while typing");
  await box.pressSequentially("5");
  await cashIs(page, "50");
  assert.equal(await status.textContent(), "", "nothing said while typing");
  await box.press("Tab");
  await page.waitForFunction(() => document.querySelector(".questions [role=status]").textContent !== "");
  assert.match(await status.textContent(), /^共\d+项，每月¥50，查看结果$/);
  await done(page);
});
