// Every household right, as a resident reads it (issue 32): an old couple's allowance each at
// their own amount, item 31's two as one or the other, a near miss as sure as its measure, "not
// sure" of the insurance as its own answer, and no work question a child could answer.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, profileHash, shotPath, until, cashIs } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser.close(); server.close(); });

const PHONE = { width: 375, height: 667 };

/** What each member's line for `item` says: its amount, its money fold's lines, and whose it is. */
async function lines(page, item) {
  return page.evaluate(async (item) => {
    const out = [];
    for (const el of document.querySelectorAll(`[data-item="${item}"]`)) {
      const details = el.querySelector("details");
      if (details && !details.open) details.querySelector("summary").click();
      await new Promise((r) => setTimeout(r, 50));
      out.push({
        member: el.closest("[data-member]")?.dataset.member ?? null,
        members: el.dataset.members ?? null,
        amount: el.querySelector(".m-amount")?.innerText ?? "",
        money: [...el.querySelectorAll(".money li")].map((li) => li.innerText),
      });
    }
    return out;
  }, item);
}

// 高龄补贴: "80-89周岁老年人每人每月发放50元（区补助）；90-99周岁每人每月发放100元（上级补助50元，区级补助50元）".
test("an old couple of 85 and 92: each one's allowance at their own amount, on the line, in its fold and in the total", async () => {
  for (const [lang, fifty, hundred] of [["zh", "每月¥50", "每月¥100"], ["en", "¥50 a month", "¥100 a month"]]) {
    const couple = { members: [{ age: 85, sex: "male", insurance: "resident" }, { age: 92, sex: "female", insurance: "resident" }] };
    const page = await openPage(browser, server, profileHash(couple), { viewport: PHONE, locale: lang === "zh" ? "zh-CN" : "en-GB" });
    await cashIs(page, "150");
    if (lang === "en" && (await page.locator("html").getAttribute("lang")) !== "en") {
      await page.locator("#lang-switch").click();
      await until(page, () => document.documentElement.lang === "en", undefined, { what: "English" });
    }
    const said = await lines(page, 10);
    assert.equal(said.length, 2, `${lang}: two lines, one each (${JSON.stringify(said)})`);
    assert.ok(said.every((l) => l.members === null), `${lang}: no line said once for both`);
    const of = (m) => said.find((l) => l.member === m);
    assert.equal(of("0").amount, fifty);
    assert.equal(of("1").amount, hundred);
    assert.ok(of("0").money.some((t) => t.includes("¥50")) && !of("0").money.some((t) => t.includes("¥100")), `${lang}: 85's fold ${of("0").money}`);
    assert.ok(of("1").money.some((t) => t.includes("¥100")), `${lang}: 92's fold ${of("1").money}`);
    // The contract's hook finds each one's allowance under their own name.
    for (const i of [0, 1]) assert.equal(await page.locator(`[data-member="${i}"] [data-item="10"]`).count(), 1);
    // The cash box says the same: 85岁男性 · 高龄补贴 每月¥50, 92岁女性 · 高龄补贴 每月¥100.
    const from = await page.locator(".cash-from li").allInnerTexts();
    assert.ok(from.some((t) => t.endsWith(fifty)) && from.some((t) => t.endsWith(hundred)), `${lang}: ${from}`);
    await page.screenshot({ path: shotPath(`couple-85-92-${lang}.png`), fullPage: true });
    await page.context().close();
  }
});

// 31: "拟为全区贫困家庭中妇女每人全额（100元）购买…，为其他参保女性安康保险的妇女…每人每份补贴20元".
test("item 31's two lines say one or the other, and a 17-year-old's near miss offers them as one choice", async () => {
  const family = { kind: "low_income", members: [{ age: 40, sex: "female", insurance: "resident" }, { age: 17, sex: "female", insurance: "resident" }] };
  const page = await openPage(browser, server, profileHash(family), { viewport: PHONE, locale: "zh-CN" });
  await page.locator('[data-item="31"]').first().waitFor();
  const said = await page.evaluate(() => [...document.querySelectorAll('[data-item="31"]')].map((el) => ({
    measure: el.dataset.measure, title: el.querySelector(".m-title")?.innerText ?? "",
  })));
  assert.deepEqual(said.map((l) => l.measure).sort(), ["31a", "31b"]);
  // Said on the line, after the title: 女性安康保险（全额代缴） · 二选一.
  assert.equal(said.find((l) => l.measure === "31a").title, "女性安康保险（全额代缴） · 二选一");
  assert.equal(said.find((l) => l.measure === "31b").title, "女性安康保险（参保补贴） · 二选一");
  // The details name the other: 与“女性安康保险（参保补贴）”二选一，不能两项都享受。
  await page.locator('[data-measure="31a"] summary').click();
  await until(page, () => [...document.querySelectorAll('[data-measure="31a"] .why-check')].some((p) => p.textContent === "与“女性安康保险（参保补贴）”二选一，不能两项都享受。"), undefined, { what: "the details name the other" });
  const near = (await page.locator('[data-member="1"] .near').innerText()).replace(/\s+/g, "");
  assert.ok(near.includes("满18周岁时") && near.includes("二选一"), near);
  assert.ok(!/¥120/.test(await page.locator("section.results").innerText()), "never added up");
  await page.screenshot({ path: shotPath("item31-either-zh.png"), fullPage: true });
  await page.context().close();
});

// 5: "免费为全区符合条件的65岁以上老年人提供有线电视服务" — likely at 65 too.
test("a near miss is as sure as its measure: at 64, free cable TV at 65 is said to be likely", async () => {
  const page = await openPage(browser, server, profileHash({ members: [{ age: 64, sex: "male", insurance: "resident" }] }), { viewport: PHONE, locale: "zh-CN" });
  const near = page.locator('[data-member="0"] .near');
  await near.waitFor();
  const text = (await near.innerText()).replace(/\s+/g, "");
  assert.ok(text.includes("满65周岁时") && text.includes("“免费有线电视”") && text.includes("（可能符合）"), text);
  await page.context().close();
});

test("the form as a person fills it: insurance starts 不清楚 and counts as not sure; no work question for a child; a town job seeker has her own answer", async () => {
  const page = await openPage(browser, server, "", { viewport: PHONE, locale: "zh-CN" });
  const age = page.getByLabel("年龄").first();
  await age.waitFor();
  const insurance = page.getByLabel("医疗保险").first();
  assert.equal(await insurance.evaluate((s) => s.options[s.selectedIndex].text), "不清楚");
  // A child: typed 5, no work question; corrected to 45, it is asked.
  await age.click();
  await age.pressSequentially("5");
  await page.locator('[data-member="0"]').waitFor();
  assert.equal(await page.getByLabel("就业情况").count(), 0, "a 5-year-old is not asked about work");
  await age.fill("");
  await age.pressSequentially("45");
  await until(page, () => document.querySelector('[data-member="0"]')?.textContent.includes("45"), undefined, { what: "45's results" });
  const work = page.getByLabel("就业情况").first();
  await work.waitFor();
  // Not sure of the insurance: the hospital reimbursement is likely (?), not absent.
  const hospital = page.locator('[data-member="0"] [data-item="20"] .badge');
  await hospital.waitFor();
  assert.ok((await hospital.innerText()).startsWith("?"), "likely while not sure");
  // In a town (the form's start) the job seeker is 城镇长期失业人员; a village makes her 农村富余劳动力.
  const offered = async () => work.evaluate((s) => [...s.options].map((o) => o.text));
  assert.ok((await offered()).includes("城镇长期失业人员（想找工作）"));
  assert.ok(!(await offered()).includes("农村富余劳动力（想找工作）"), "no rural answer in a town");
  await work.selectOption({ label: "城镇长期失业人员（想找工作）" });
  await page.locator('[data-member="0"] [data-item="28"]').waitFor();
  await page.getByLabel("城镇还是农村").selectOption({ label: "农村" });
  await until(page, () => {
    const s = document.querySelector('select[id$="-work"]');
    return s && s.options[s.selectedIndex].text === "农村富余劳动力（想找工作）";
  }, undefined, { what: "the job seeker's village answer" });
  await page.locator('[data-member="0"] [data-item="28"]').waitFor();
  // Answered "none": the insured's measures go, and the tip names the scheme to join.
  await insurance.selectOption({ label: "没有医保" });
  await until(page, () => !document.querySelector('[data-member="0"] [data-item="20"]'), undefined, { what: "no item 20 without insurance" });
  await page.screenshot({ path: shotPath("form-unsure-work-zh.png"), fullPage: true });
  await page.context().close();
});
