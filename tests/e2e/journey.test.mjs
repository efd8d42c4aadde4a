// The resident's journey, as a 78-year-old on a 375×667 phone, a son adding his parents, and a
// clerk on a tablet would take it: every figure the redesign promises is measured here.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { serve, launch, shotPath, profileHash, openPage, cashIs, noResult, until } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE = { width: 375, height: 667 };
const TABLET = { width: 1024, height: 768 };
const open = (address = "", options = {}) => openPage(browser, server, address, options);

async function done(page) {
  assert.deepEqual(page.errors, [], "no errors on the page");
  assert.deepEqual(page.foreign, [], "no request leaves the page's origin");
  await page.context().close();
}

/** Types as a person does: tap the box, then one key at a time. */
async function typeAge(page, nth, text, lang = "zh") {
  const box = (lang === "zh" ? page.getByLabel("年龄") : page.getByLabel("Age", { exact: true })).nth(nth);
  await box.click();
  await box.press("Control+A");
  await box.press("Backspace");
  await box.pressSequentially(text);
}

const PAGE_TEXT = () => document.body.innerText;

/**
 * Waits until the page has run what it had queued when its results appeared, rather than for a
 * fixed time: a task (the app's start queues its focus or view restoring as one), then two
 * frames (yew runs effects after the first paint). A "nothing happened" check comes after it.
 */
function settled(page) {
  return page.evaluate(() => new Promise((done) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done())), 0)));
}

test("the person first: the age is the first question, on the first screen, empty, in Chinese and English; nobody is invented", async () => {
  const normalSizes = {};
  for (const [lang, large] of [["zh", false], ["zh", true], ["en", false], ["en", true]]) {
    const page = await open();
    const age = lang === "zh" ? "年龄" : "Age";
    if (lang === "en") await page.getByRole("button", { name: "English" }).click();
    if (large) await page.getByRole("button", { name: lang === "zh" ? "大字模式" : "Large text" }).click();
    await page.getByLabel(age, { exact: true }).first().waitFor();
    const first = await page.evaluate(() => document.querySelector(".questions input, .questions select").id);
    assert.equal(first, "m0-age", "the first question of the form is the age");
    const box = await page.getByLabel(age, { exact: true }).first().boundingBox();
    assert.ok(box.y + box.height <= PHONE.height, `the age box ends at ${Math.round(box.y + box.height)} px, on the first 667 px screen (${lang}, large: ${large})`);
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.id, [box.x + box.width / 2, box.y + box.height / 2]);
    assert.equal(onTop, "m0-age", "nothing covers the age box");
    // Large text may keep the header and the greeting a step below the questions, never below
    // their normal size: switching it on makes nothing smaller.
    const sizes = await page.evaluate(() => Object.fromEntries([".intro", ".top button", "body"].map((s) => [s, parseFloat(getComputedStyle(document.querySelector(s)).fontSize)])));
    if (!large) normalSizes[lang] = sizes;
    else for (const [what, px] of Object.entries(sizes)) assert.ok(px >= normalSizes[lang][what], `${what} is ${px} px in large text, ${normalSizes[lang][what]} px in normal (${lang})`);
    assert.equal(await page.getByLabel(age, { exact: true }).first().inputValue(), "", "the age starts empty");
    assert.equal(await page.locator("[data-cash-month]").count(), 0, "no total for a person nobody entered");
    assert.equal(await page.locator("[data-member]").count(), 0, "no member results");
    assert.match(await page.locator("#waiting").innerText(), lang === "zh" ? /请先填写年龄/ : /age/i);
    assert.ok(await page.locator('[data-scope="everyone"] [data-everyone-item="33"]').isVisible(), "the measures for everyone are shown");
    // Each item shows its programme's picture, as the list names it (item 33, 口袋公园: "tree"),
    // drawn by the stylesheet: a picture name the stylesheet lacks would draw nothing.
    const pictures = await page.$$eval("[data-everyone-item]", (els) => els.map((e) => [e.dataset.icon, getComputedStyle(e, "::before").backgroundImage]));
    assert.equal(await page.locator('[data-everyone-item="33"]').getAttribute("data-icon"), "tree");
    assert.equal(pictures.length, 8);
    for (const [name, image] of pictures) assert.match(image, /^url\("data:image\/svg\+xml/, `the picture ${name} is drawn`);
    // With their summaries, fetched with the texts (the source table's item 33: 口袋公园).
    await page.waitForFunction((l) => document.querySelector(`[data-everyone-item="33"] [data-text="33.${l}"]`)?.textContent.length > 5, lang);
    assert.equal(await page.locator('[data-everyone-item="33"] [data-text]').innerText(), lang === "zh" ? "新增口袋公园绿地8处，共约3万平方米。" : await page.locator('[data-everyone-item="33"] [data-text]').innerText());
    assert.match(await page.locator("#jump").innerText(), lang === "zh" ? /请先填写年龄/ : /age/i);
    await page.screenshot({ path: shotPath(`first-screen-${lang}-${large ? "large" : "normal"}-375x667.png`) });
    await done(page);
  }
});

test("with results on screen, the bar at the foot of the screen still leaves the age box clear, in both languages and text sizes", async () => {
  for (const [lang, large] of [["zh", false], ["zh", true], ["en", false], ["en", true]]) {
    const page = await open();
    if (lang === "en") await page.getByRole("button", { name: "English" }).click();
    if (large) await page.getByRole("button", { name: lang === "zh" ? "大字模式" : "Large text" }).click();
    // 92: a monthly amount too, the bar's longest line.
    await typeAge(page, 0, "92", lang);
    await page.locator('[data-member="0"]').waitFor();
    // At the top before the reload, as the page then comes back where it was.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.reload();
    await page.locator('[data-member="0"]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator("#m0-age").boundingBox();
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.id, [box.x + box.width / 2, box.y + box.height - 2]);
    assert.equal(onTop, "m0-age", `the age box's lower edge is not covered (${lang}, large: ${large})`);
    const bar = await page.locator("#jump").boundingBox();
    assert.ok(bar.height <= 72, `the bar at the foot is one line: ${Math.round(bar.height)} px (${lang}, large: ${large})`);
    await done(page);
  }
});

test("while an age is typed, the bar at the foot does not cover the next question", async () => {
  for (const lang of ["zh", "en"]) {
    const page = await open("", { viewport: PHONE });
    if (lang === "en") await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: lang === "zh" ? "大字模式" : "Large text" }).click();
    await typeAge(page, 0, "78", lang);
    await page.locator('[data-member="0"]').waitFor();
    // The keyboard is up: the sex question just below the age box is what a tap reaches.
    const sex = await page.locator("#m0-sex").boundingBox();
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest("select, button")?.id, [sex.x + sex.width / 2, Math.min(sex.y + sex.height / 2, PHONE.height - 10)]);
    assert.notEqual(onTop, "jump", `the bar is not over the sex question (${lang}; question at ${Math.round(sex.y)} px)`);
    // Done typing: the bar is back at the foot of the screen.
    await page.locator("#form-heading").click();
    const bar = await page.locator("#jump").boundingBox();
    assert.ok(Math.abs(bar.y + bar.height - PHONE.height) <= 1, `the bar is at the foot once the age box is left (${Math.round(bar.y)}–${Math.round(bar.y + bar.height)} px, ${lang})`);
    await done(page);
  }
});

test("a new member's age comes into view with its person's heading and label above it", async () => {
  for (const [lang, large] of [["zh", true], ["en", true], ["zh", false]]) {
    const page = await open();
    if (lang === "en") await page.getByRole("button", { name: "English" }).click();
    if (large) await page.getByRole("button", { name: lang === "zh" ? "大字模式" : "Large text" }).click();
    await typeAge(page, 0, "80", lang);
    await page.getByRole("button", { name: lang === "zh" ? /添加家庭成员/ : /Add a family member/ }).click();
    await page.waitForFunction(() => document.activeElement?.id?.endsWith("-age") && document.activeElement.id !== "m0-age");
    const at = await page.evaluate(() => {
      const age = document.activeElement;
      const top = (e) => e.getBoundingClientRect().top;
      return { legend: top(age.closest("fieldset").querySelector("legend")), label: top(document.querySelector(`label[for="${age.id}"]`)), age: top(age) };
    });
    assert.ok(at.legend >= 0 && at.label > at.legend && at.age > at.label, `heading ${at.legend}, label ${at.label}, age box ${at.age} px from the top (${lang}, large: ${large})`);
    await done(page);
  }
});

test("a reload brings the reader back where they were reading, with the same folds open; another link starts afresh", async () => {
  const link = profileHash({ street: "guanghe", members: [{ age: 78, sex: "female", insurance: "resident" }, { age: 80, sex: "male", insurance: "resident" }] });
  for (const large of [false, true]) {
    const page = await open(link, { viewport: PHONE });
    if (large) await page.getByRole("button", { name: "大字模式" }).click();
    // Far down the second person's results: one measure's details and the "why not" list open.
    const second = page.locator('[data-member="1"]');
    await second.locator("li.measure summary").first().click();
    const whyNot = second.locator("details.why-not > summary");
    await whyNot.click();
    await whyNot.evaluate((el) => { el.scrollIntoView(); window.scrollBy(0, -120); });
    // The place is taken once the page has come to rest: a fold's texts arriving late (they are
    // fetched when it opens) lengthen the page above it, and the browser keeps the reader's
    // line in view by moving the scroll; the page keeps the place it is left at.
    await until(page, async () => {
      // A text still to come: in a fold that shows it (no closed fold around it), still empty.
      const waiting = () => [...document.querySelectorAll("[data-text]:empty")].filter((e) => !e.closest("details:not([open])")).length;
      const sample = () => [document.documentElement.scrollHeight, Math.round(window.scrollY), waiting()];
      const a = sample();
      await new Promise((r) => setTimeout(r, 300));
      const b = sample();
      return a[2] === 0 && a[0] === b[0] && a[1] === b[1];
    }, undefined, { what: "the page to come to rest" });
    const before = await page.evaluate(() => ({
      y: Math.round(window.scrollY),
      open: [...document.querySelectorAll("details")].map((d, i) => (d.open ? i : -1)).filter((i) => i >= 0),
    }));
    assert.ok(before.y > 1500, `read far down the page (${before.y} px)`);
    await page.reload();
    await page.locator('[data-member="1"] [data-item]').first().waitFor();
    try { await until(page, (y) => Math.abs(window.scrollY - y) <= 2, before.y, { what: `the page to come back to ${before.y} px` }); } catch (e) {
      // What the page showed instead, for whoever reads the failure.
      console.log("the page after the reload:", JSON.stringify(before), await page.evaluate(() => [Math.round(scrollY), document.documentElement.scrollHeight, [...document.querySelectorAll("details")].map((d, i) => (d.open ? i : -1)).filter((i) => i >= 0).join(","), document.querySelectorAll("details").length, sessionStorage.length, location.href.slice(-40), document.activeElement?.id].join(" / ")));
      throw e;
    }
    const after = await page.evaluate(() => ({
      open: [...document.querySelectorAll("details")].map((d, i) => (d.open ? i : -1)).filter((i) => i >= 0),
      whyNotLines: document.querySelectorAll('[data-member="1"] details.why-not li').length,
      top: document.querySelector('[data-member="1"] details.why-not').getBoundingClientRect().top,
    }));
    assert.deepEqual(after.open, before.open, "the same folds are open");
    assert.ok(after.whyNotLines > 0, "the open \"why not\" list shows its lines");
    assert.ok(Math.abs(after.top - 120) <= 4, `the "why not" list is where it was on screen (${Math.round(after.top)} px from the top, was 120)`);
    // Another link opened in this tab is someone else's page: it opens on its results.
    await page.evaluate((h) => { location.hash = h; }, profileHash({ members: [{ age: 92, sex: "female", insurance: "resident" }] }));
    await cashIs(page, "100");
    await until(page, async () => document.activeElement?.id === "results-heading", undefined, { what: "the new link to open on its results" });
    assert.equal(await page.evaluate(() => document.querySelectorAll("details[open]").length), 0, "no fold of the last page opened");
    await done(page);
  }
});

test("on a wide screen, a reload brings the results column back to where the reader was in it", async () => {
  // At 1024 px the results are a column that scrolls on its own, beside the questions.
  const link = profileHash({ street: "guanghe", members: [{ age: 78, sex: "female", insurance: "resident" }, { age: 80, sex: "male", insurance: "resident" }] });
  const page = await open(link, { viewport: { width: 1024, height: 768 } });
  const column = page.locator(".results");
  await column.evaluate((c) => { c.scrollTop = 900; });
  const before = await column.evaluate((c) => Math.round(c.scrollTop));
  assert.ok(before > 600, `read down the results column (${before} px)`);
  await page.reload();
  await page.locator('[data-member="1"] [data-item]').first().waitFor();
  await until(page, (y) => Math.abs(document.querySelector(".results").scrollTop - y) <= 2, before, { what: `the results column to come back to ${before} px` });
  await done(page);
});

test("a link with answers opens on the results on a phone; on a tablet, and after a reload, nothing moves", async () => {
  const link = profileHash({ street: "guanghe", members: [{ age: 78, sex: "female", insurance: "resident" }] });
  const phone = await open(link, { viewport: PHONE });
  await phone.locator('[data-member="0"] [data-item]').first().waitFor();
  await until(phone, async () => document.activeElement?.id === "results-heading", undefined, { what: "the results heading to take the focus" });
  const top = await phone.evaluate(() => document.querySelector("#results-heading").getBoundingClientRect().top);
  assert.ok(top >= 0 && top < PHONE.height, `the results heading is on screen (${Math.round(top)} px)`);
  // A heading is not a control: no focus box is drawn around it.
  const ring = await phone.evaluate(() => { const s = getComputedStyle(document.querySelector("#results-heading")); return [s.outlineStyle, s.boxShadow]; });
  assert.deepEqual(ring, ["none", "none"], "no box around the focused heading");
  // The way back to the answers, far above on a phone.
  await phone.getByRole("button", { name: "↑ 修改回答" }).click();
  await until(phone, async () => document.activeElement?.id === "m0-age" || /^m\d+-age$/.test(document.activeElement?.id ?? ""), undefined, { what: "the age box to take the focus" });
  const ageTop = await phone.evaluate(() => document.activeElement.getBoundingClientRect().top);
  assert.ok(ageTop > 0 && ageTop < PHONE.height, `the age box is on screen (${Math.round(ageTop)} px)`);
  // Another link opened in this same tab (only the fragment changes): its answers, as a new tab
  // would show them.
  await phone.evaluate((h) => { location.hash = h; }, profileHash({ members: [{ age: 92, sex: "female", insurance: "resident" }] }));
  await cashIs(phone, "100");
  assert.equal(await phone.getByLabel("年龄").first().inputValue(), "92");
  // A reload brings the tab's answers back, and leaves the page where the browser puts it.
  await phone.evaluate(() => history.replaceState(null, "", location.pathname));
  await phone.reload();
  await phone.locator('[data-member="0"] [data-item]').first().waitFor();
  await settled(phone);
  assert.notEqual(await phone.evaluate(() => document.activeElement?.id), "results-heading", "a reload does not move the focus");
  // Large text, kept from an earlier visit: the results are measured where they end up.
  await phone.getByRole("button", { name: "大字模式" }).click();
  for (const lang of ["zh", "en"]) {
    if (lang === "en") await phone.getByRole("button", { name: "English" }).click();
    const again = await open(link, { context: phone.context() });
    await again.locator('[data-member="0"] [data-item]').first().waitFor();
    await until(again, async () => document.activeElement?.id === "results-heading", undefined, { what: "the results heading to take the focus" });
    const large = await again.evaluate(() => ({ top: document.querySelector("#results-heading").getBoundingClientRect().top, large: document.documentElement.classList.contains("large") }));
    assert.ok(large.large, "large text came back");
    assert.ok(large.top >= 0 && large.top < PHONE.height / 2, `in large text (${lang}) the results heading is on screen (${Math.round(large.top)} px)`);
    assert.deepEqual(again.errors, []);
    await again.close();
  }
  await done(phone);

  const tablet = await open(link, { viewport: TABLET });
  await tablet.locator('[data-member="0"] [data-item]').first().waitFor();
  assert.equal(await tablet.evaluate(() => window.scrollY), 0, "beside the form, the results need no jump");
  assert.notEqual(await tablet.evaluate(() => document.activeElement?.id), "results-heading");
  await done(tablet);
});

test("the results first appear in the visitor's language and text size, and nothing restyles the whole page after", async () => {
  // Writing <html lang> (even unchanged) or its class makes the browser restyle every element:
  // after the first paint that was a second full layout, about 0.4 s at CPU 4× for this household.
  const household = profileHash({ members: [78, 75, 52, 49, 20, 9].map((age, i) => ({ age, sex: i % 2 ? "male" : "female" })) });
  for (const prefs of ["", "en,large"]) {
    const context = await browser.newContext({ viewport: PHONE, locale: "zh-CN" });
    await context.addInitScript((prefs) => {
      if (prefs) localStorage.setItem("minsheng.prefs", prefs);
      window.__root = { at: null, after: 0 };
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === "attributes") {
            if (window.__root.at) window.__root.after += 1;
          } else if (!window.__root.at && [...r.addedNodes].some((n) => n.nodeType === 1 && (n.matches('[data-item]') || n.querySelector('[data-item]')))) {
            window.__root.at = { lang: document.documentElement.lang, large: document.documentElement.classList.contains("large") };
          }
        }
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["lang", "class"] });
    }, prefs);
    const page = await open(household, { context });
    await page.locator('[data-member="5"] [data-item]').first().waitFor({ state: "attached" });
    await settled(page);
    const root = await page.evaluate(() => window.__root);
    const want = prefs ? { lang: "en", large: true } : { lang: "zh-CN", large: false };
    assert.deepEqual(root.at, want, `when the results first appear (prefs "${prefs}")`);
    assert.equal(root.after, 0, `<html lang> and its class are not written again after the results appear (prefs "${prefs}")`);
    // The switches still change them.
    await page.getByRole("button", { name: prefs ? "中文" : "English" }).click();
    await until(page, async (want) => document.documentElement.lang === want, prefs ? "zh-CN" : "en", { what: "the page's language to follow the switch" });
    await done(page);
  }
});

test("on a phone the share panel opens into view, and the hospital refunds say their new shares, as the source gives them", async () => {
  const link = profileHash({ members: [{ age: 70, sex: "female", insurance: "resident" }] });
  for (const lang of ["zh", "en"]) {
    const page = await open(link, { viewport: PHONE });
    await page.locator('[data-member="0"] [data-item]').first().waitFor();
    if (lang === "en") await page.getByRole("button", { name: "English" }).click();
    // 20、…医保基金支付比例分别由原来的80%、70%分别提高到85%、75%: the line says 85% and 75%.
    const amount = await page.locator('[data-member="0"] [data-item="20"] .m-amount').innerText();
    assert.equal(amount, lang === "zh" ? "报销85%/75%" : "fund pays 85%/75%");
    await page.locator("#share").click();
    await page.locator("#share-panel").waitFor();
    // Once the panel has come to rest (the page scrolls it into view): the same place two
    // frames running.
    const box = await page.evaluate(() => new Promise((resolve) => {
      let last = null;
      const look = () => {
        const now = document.querySelector("#share-panel").getBoundingClientRect().toJSON();
        if (last && last.top === now.top) resolve(now);
        else { last = now; requestAnimationFrame(() => requestAnimationFrame(look)); }
      };
      look();
    }));
    assert.ok(box.top >= 0 && box.top < PHONE.height / 2, `the panel starts in the upper half of the screen (${Math.round(box.top)} px, ${lang})`);
    // "Copy the link" says so under itself, on screen, even with the button scrolled near the
    // top (above the panel the message was 230 px off screen).
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.locator("#copy-link").evaluate((el) => { el.scrollIntoView(); window.scrollBy(0, -100); });
    await page.locator("#copy-link").click();
    const said = page.getByText(lang === "zh" ? "链接已复制。" : "Link copied.");
    await said.waitFor();
    const at = await page.evaluate(() => ({ button: document.querySelector("#copy-link").getBoundingClientRect().bottom, status: [...document.querySelectorAll(".copied")].find((p) => p.textContent).getBoundingClientRect().toJSON() }));
    assert.ok(at.status.top >= at.button && at.status.top - at.button < 40 && at.status.bottom <= PHONE.height, `the confirmation is just under the button, on screen (button ends at ${Math.round(at.button)} px, message ${Math.round(at.status.top)}–${Math.round(at.status.bottom)} px, ${lang})`);
    await done(page);
  }
});

test("no cash: the page says which list it means (its year; in Chinese its 33 items), after the measures it does give", async () => {
  const page = await open(profileHash({ members: [{ age: 40, sex: "female", insurance: "resident" }] }), { viewport: PHONE });
  await cashIs(page, "0");
  assert.match(await page.locator(".cash").innerText(), /济宁高新区2022年民生实事清单的33项里，没有按月发给您的现金/);
  await page.getByRole("button", { name: "English" }).click();
  await until(page, async () => /The 2022 list pays you no cash each month/.test(document.querySelector(".cash").innerText), undefined, { what: "the English no-cash line" });
  await done(page);
});

test("a 低保 household with cash is told, beside the total, that its 低保金 is not in it; an ordinary one is not told", async () => {
  const page = await open(profileHash({ kind: "minimum_living", members: [{ age: 84, sex: "female" }] }), { viewport: PHONE });
  await cashIs(page, "50");
  assert.match(await page.locator(".cash").innerText(), /低保金、养老金等其他待遇不在这份清单里/);
  await done(page);
  const ordinary = await open(profileHash({ members: [{ age: 84, sex: "female" }] }), { viewport: PHONE });
  await cashIs(ordinary, "50");
  assert.doesNotMatch(await ordinary.locator(".cash").innerText(), /低保金/);
  await done(ordinary);
});

test("typing an age as people do: 78岁 is read, 788 and 1944 are explained", async () => {
  const page = await open();
  await typeAge(page, 0, "78岁");
  await page.locator('[data-member="0"]').waitFor();
  await typeAge(page, 0, "788");
  await noResult(page);
  assert.match(await page.locator(".field-error").innerText(), /0到130之间，请检查是否多按了一个数字/);
  await typeAge(page, 0, "1944");
  assert.match(await page.locator(".field-error").innerText(), /这像是出生年份/);
  // A space among the figures is named as the fault: the figures were right.
  await typeAge(page, 0, "3 5");
  assert.match(await page.locator(".field-error").innerText(), /年龄中间多了空格，请去掉空格/);
  // Adding a member takes the person to the new age box.
  await typeAge(page, 0, "78");
  await page.getByRole("button", { name: "添加家庭成员" }).click();
  await page.waitForFunction(() => document.activeElement?.id?.endsWith("-age") && document.activeElement.id !== "m0-age");
  await done(page);
});

test("never a result for another answer: an invalid age withdraws every result and the bar says what to fix", async () => {
  for (const viewport of [PHONE, TABLET]) {
  const page = await open("", { viewport });
  await typeAge(page, 0, "78");
  await page.locator('[data-member="0"]').waitFor();
  for (const bad of ["131", "255", "1e2", "7.5", "6078"]) {
    await typeAge(page, 0, bad);
    await noResult(page);
    assert.equal(await page.locator("[data-item]").count(), 0, `no measure shown for ${bad}`);
    assert.match(await page.locator("#jump").innerText(), /年龄需要改正/, `the bar says what to fix (${bad})`);
    assert.match(await page.locator(".field-error").innerText(), /例如 78|0到130之间/);
    assert.ok(!(await page.evaluate(PAGE_TEXT)).includes("13周岁"), "nothing computed for a number the screen does not show");
  }
  // Correcting it brings the results back for exactly what is typed.
  await typeAge(page, 0, "84");
  await cashIs(page, "50");
  // Typed, not chosen: the sex is not assumed.
  assert.equal(await page.locator('[data-member="0"] h3').innerText(), "84岁");
  // A second member whose age is not yet given withdraws the household's results too.
  await page.getByRole("button", { name: "添加家庭成员" }).click();
  await noResult(page);
  assert.match(await page.locator("#waiting").innerText(), /请填写家庭成员2的年龄/);
  await typeAge(page, 1, "92");
  await cashIs(page, "150");
  await done(page);
  }
});

test("results at a glance: a single 78-year-old on 低保 — one line a measure, details one tap away, page ≤ 5,000 px", async () => {
  const hash = profileHash({ kind: "minimum_living", street: "guanghe", members: [{ age: 78, sex: "female", insurance: "resident" }] });
  for (const [viewport, limit] of [[PHONE, 5000], [TABLET, 5000]]) {
    const page = await open(hash, { viewport });
    await page.locator('[data-member="0"]').waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height <= limit, `page is ${height} px tall at ${viewport.width}×${viewport.height}`);
    const lines = await page.locator('[data-member="0"] [data-item]').count();
    assert.ok(lines >= 8, `${lines} measures listed`);
    assert.equal(await page.locator('[data-member="0"] [data-item] details[open]').count(), 0, "details start closed");
    assert.equal(await page.locator(".m-detail, .why-not ul").count(), 0, "folded details are not in the page until opened");
    // One line a measure: the summary row is at most three text lines tall.
    const rows = await page.locator('[data-member="0"] [data-item] > details > summary').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(document.body).lineHeight)));
    // Title, then amount and certainty: two lines, a third only where a long title wraps.
    assert.ok(rows.every((r) => r <= 4), `summary rows in text lines: ${rows.map((r) => r.toFixed(1))}`);
    assert.ok(rows.filter((r) => r > 3).length <= 1, `summary rows in text lines: ${rows.map((r) => r.toFixed(1))}`);
    await page.screenshot({ path: shotPath(`glance-zh-${viewport.width}x${viewport.height}.png`), fullPage: true });
    await done(page);
  }
  // Opening a line, by touch and by keyboard, shows why, where to ask, when and the source.
  const page = await open(hash);
  const line = page.locator('[data-member="0"] [data-item="20"]');
  await line.locator("summary").first().click();
  await line.locator(".why").waitFor();
  assert.match(await line.locator(".dept").innerText(), /先到洸河街道办事处咨询/);
  await line.locator("summary").first().click();
  await page.locator('[data-member="0"] [data-item="5"] summary').first().focus();
  await page.keyboard.press("Enter");
  await page.locator('[data-member="0"] [data-item="5"] .why').waitFor({ timeout: 5000 });
  await done(page);
});

test("a line's summary and source text come when its fold first shows them, word for word; without a network the fold says so, and opening it again tries again", async () => {
  // No service worker: it would have kept the texts (the offline test opens them from it).
  const page = await open(profileHash({ members: [{ age: 70, sex: "female" }] }), { serviceWorkers: "block" });
  const texts = /\/texts-[0-9a-f]+\.json$/;
  const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").filter((r) => /\/texts-[0-9a-f]+\.json$/.test(r.name)).length);
  assert.equal(await fetched(), 0, "not in the first visit");
  const tv = page.locator('[data-member="0"] [data-item="5"]');
  const said = (what) => page.evaluate((w) => document.querySelector(`[data-item="5"] [data-text="${w}"]`).textContent, what);
  // The network fails the first time.
  let refused = 0;
  await page.route(texts, (route) => { refused++; return route.abort(); });
  await tv.locator("summary").first().click();
  await page.waitForFunction(() => document.querySelector('[data-item="5"] [data-text="5.zh"]')?.textContent);
  assert.equal(await said("5.zh"), "（未能载入，请联网后再打开）");
  assert.equal(await said("5.text"), "", "the source is not fetched before its fold opens");
  assert.equal(refused, 1);
  await page.unroute(texts);
  // Opened again: the summary, as the catalogue gives it.
  await tv.locator("summary").first().click();
  await tv.locator("summary").first().click();
  await page.waitForFunction(() => document.querySelector('[data-item="5"] [data-text="5.zh"]').textContent.startsWith("全区"));
  assert.equal(await tv.locator(".m-detail .summary").innerText(), "全区符合条件的65岁以上老年人可免费享受有线电视服务。");
  // The source table's 5th item, as the source writes it.
  await tv.locator("details.source > summary").click();
  await page.waitForFunction(() => document.querySelector('[data-item="5"] [data-text="5.text"]').textContent !== "");
  assert.equal(await tv.locator("details.source blockquote").innerText(), "5、免费为全区符合条件的65岁以上老年人提供有线电视服务。");
  // In English, the English summary.
  await page.locator("#lang-switch").click();
  await page.waitForFunction(() => document.querySelector('[data-item="5"] [data-text="5.en"]')?.textContent);
  assert.equal(await tv.locator(".m-detail .summary").innerText(), "Free cable TV for people aged 65 or over who meet the conditions.");
  page.errors = page.errors.filter((e) => !/texts-[0-9a-f]+\.json|ERR_FAILED/.test(e));
  await done(page);
});

test("an age said in Chinese numerals, as voice input writes it, is read and said back; one that cannot be read is refused plainly", async () => {
  const page = await open();
  await typeAge(page, 0, "七十");
  await page.getByText("七十 → 70岁").waitFor();
  // 5、免费为全区符合条件的65岁以上老年人提供有线电视服务: a 70-year-old gets it.
  await page.locator('[data-member="0"] [data-item="5"]').waitFor();
  await typeAge(page, 0, "八十有五");
  await noResult(page);
  assert.match(await page.locator(".field-error").innerText(), /请用数字填写周岁/);
  await typeAge(page, 0, "八十五岁");
  await page.getByText("八十五岁 → 85岁").waitFor();
  await cashIs(page, "50");
  await done(page);
});

test("cash first: the household's money per month and per year on top, and each member's cash measure first", async () => {
  const page = await open(profileHash({ street: "huangtun", members: [{ age: 45, sex: "male", insurance: "employee" }, { age: 84, sex: "male", insurance: "resident" }] }));
  await cashIs(page, "50");
  assert.match(await page.locator(".cash").innerText(), /¥50[\s\S]*每年 ¥600/);
  const first = await page.locator('[data-member="1"] [data-item]').first().getAttribute("data-item");
  assert.equal(first, "10", "the old-age allowance leads the father's list");
  const cash = await page.locator(".cash").boundingBox();
  const father = await page.locator('[data-member="1"] [data-item="10"]').boundingBox();
  assert.ok(father.y - cash.y < 2 * PHONE.height, `the one cash measure is ${Math.round(father.y - cash.y)} px below the total`);
  await done(page);
});

test("honest about time, and where to ask from the source", async () => {
  for (const viewport of [PHONE, TABLET]) {
  const page = await open(profileHash({ street: "wangyin", members: [{ age: 81, sex: "male", disability: "intellectual" }] }), { viewport });
  await cashIs(page, "50");
  assert.equal(await page.locator(".dated").count(), 1, "said once");
  assert.match(await page.locator(".dated").innerText(), /这是2022年的清单（\d+年前）。项目和金额可能已有变化/);
  const allowance = page.locator('[data-member="0"] [data-item="10"]');
  await allowance.locator("summary").first().click();
  assert.match(await allowance.locator(".deadline").innerText(), /项目计划完成时间：2022年年底/);
  assert.match(await allowance.locator(".dept").innerText(), /先到王因街道办事处咨询；负责部门：发展软环境保障局/);
  // Item 14 names four streets; with none chosen, the resident is told to ask their own.
  const none = await open(profileHash({ members: [{ age: 40, sex: "male", disability: "mental" }] }), { viewport });
  await none.locator('[data-member="0"] [data-item="14"] summary').first().click();
  assert.match(await none.locator('[data-member="0"] [data-item="14"] .dept').innerText(), /负责部门：发展软环境保障局/);
  await done(none);
  await done(page);
  }
});

test("large text that is large: no heading smaller than the body, key figure ≥ 30 px", async () => {
  const page = await open(profileHash({ street: "guanghe", members: [{ age: 92, sex: "female", insurance: "resident" }] }), { viewport: TABLET });
  await cashIs(page, "100");
  for (const mode of ["normal", "large"]) {
    if (mode === "large") await page.getByRole("button", { name: "大字模式" }).click();
    const sizes = await page.evaluate(() => {
      const px = (el) => parseFloat(getComputedStyle(el).fontSize);
      const headings = [...document.querySelectorAll("h1, h2, h3, h4, legend, .m-title")].map((el) => [el.tagName + "." + el.className, px(el)]);
      return { body: px(document.body), headings, figure: px(document.querySelector(".cash-figure strong")) };
    });
    const small = sizes.headings.filter(([, s]) => s < sizes.body);
    assert.deepEqual(small, [], `headings smaller than the ${sizes.body} px body (${mode})`);
    if (mode === "large") {
      // A third larger than the normal 18 px: smaller steps read as "only a little larger".
      assert.ok(sizes.body >= 24, `large body ${sizes.body} px`);
      assert.ok(sizes.figure >= 30, `key figure ${sizes.figure} px`);
    }
  }
  await page.screenshot({ path: shotPath("large-zh-1024x768.png") });
  await done(page);
});

test("plain words: no parser English in Chinese, one reason said once, members told apart; English reads as English", async () => {
  const broken = await open("#profile=eyJtZW1iZXJzIjpbeyJhZ2UiOjg0");
  await broken.locator("#notice").waitFor();
  const visible = await broken.locator("#notice").innerText();
  assert.match(visible, /链接里的回答无法读取/);
  assert.ok(!/[A-Za-z]{4,}/.test(visible.replace("技术信息", "")), `no English visible: ${visible}`);
  assert.ok(!(await broken.locator("#notice details p").isVisible()), "the technical detail is folded away");
  await done(broken);

  const hash = profileHash({ kind: "minimum_living", members: [{ age: 84, sex: "female", insurance: "resident" }, { age: 84, sex: "male", disability: "intellectual" }, { age: 9, sex: "female" }] });
  const page = await open(hash);
  await cashIs(page, "100");
  const names = await page.locator("[data-member] > h3").allInnerTexts();
  assert.deepEqual(names, ["84岁女性", "84岁男性", "9岁女孩"]);
  // Both 84-year-olds get the allowance: one line, and the reason that reads
  // alike for both said once, by its bracket (their heading names them and their age); the
  // 9-year-old's hukou line alike for all three.
  await page.locator('[data-members="0 1"][data-item="10"] summary').first().click();
  assert.equal(await page.locator('[data-members="0 1"][data-item="10"] .why').innerText(), "为什么：80至89周岁");
  // The home adaptation (item 13): both 84-year-olds qualify it alike, said once.
  const adaptation = page.locator('[data-scope="household"] [data-item="13"]');
  await adaptation.locator("summary").click();
  assert.equal(await adaptation.locator(".why").innerText(), "为什么：低保家庭；84周岁（80周岁及以上）");
  const text = await page.evaluate(PAGE_TEXT);
  for (const jargon of ["第1位", "代缴保费", "区级承担", "合并单元格", "以上都不是", "完成期限"]) {
    assert.ok(!text.includes(jargon), `no "${jargon}" on the page`);
  }

  await page.getByRole("button", { name: "English" }).click();
  await page.getByLabel("Age").first().waitFor();
  assert.match(await page.title(), /Livelihood measures/);
  const en = await page.evaluate(PAGE_TEXT);
  assert.match(en, /unless a line says otherwise\. Show the Chinese names there\./);
  for (const d of await page.locator("li.measure > details").all()) await d.evaluate((el) => { el.open = true; });
  await page.waitForFunction(() => document.querySelectorAll(".m-detail").length === document.querySelectorAll("li.measure").length);
  const opened = await page.evaluate(PAGE_TEXT);
  assert.match(opened, /Why: aged 80 to 89/);
  assert.doesNotMatch(opened, /Why: age \d/);
  for (const clumsy of ["Why: Intellectual", "Level-1 hospitals, Hospital", "If enrolled in Resident", "Premium paid for you: ¥", "Near minimum-living", "Out of work for a long time"]) {
    assert.ok(!opened.includes(clumsy), `no "${clumsy}" in English`);
  }
  await page.screenshot({ path: shotPath("glance-en-375x667.png"), fullPage: true });
  await done(page);
});

test("print and copy: a 3-member household on one A4 page in both languages, body ≥ 10 pt, why and where to ask included", async () => {
  const hash = profileHash({ street: "guanghe", piped_gas: true, kind: "low_income", members: [{ age: 92, sex: "female", insurance: "resident" }, { age: 79, sex: "male", insurance: "resident" }, { age: 81, sex: "female", insurance: "resident_exempt" }] });
  for (const lang of ["zh", "en"]) {
    const page = await open(hash, { permissions: ["clipboard-read", "clipboard-write"] });
    await cashIs(page, "150");
    if (lang === "en") await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: lang === "zh" ? "复制文字" : "Copy text" }).click();
    await until(page, async () => (await navigator.clipboard.readText()).length > 50, null, { what: "the copied text" });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const likely = copied.split("\n").filter((l) => l.startsWith("- ") && l.includes(lang === "zh" ? "可能符合" : "Likely"));
    assert.ok(likely.length > 0);
    // Where to ask is said once, above the lines; a line asked elsewhere names its own place.
    assert.match(copied, lang === "zh" ? /去哪里问：除另有注明外，各项都可先到\S+咨询/ : /Ask first at .+, unless a line says otherwise/);

    await page.emulateMedia({ media: "print" });
    const sizes = await page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      why: parseFloat(getComputedStyle(document.querySelector(".m-print")).fontSize),
    }));
    assert.ok(sizes.body >= 13.3 && sizes.why >= 13.3, `printed body ${sizes.body} px, why ${sizes.why} px (10 pt = 13.33 px)`);
    const printed = await page.evaluate(() => [...document.querySelectorAll("li.measure")].map((li) => {
      const why = li.querySelector(".m-print");
      return why && why.getBoundingClientRect().height > 0 ? why.textContent : `nothing for item ${li.dataset.item}`;
    }));
    assert.ok(printed.length >= 10, `${printed.length} lines printed`);
    for (const why of printed) assert.match(why, lang === "zh" ? /^为什么：\S/ : /^Why: \S/, "why is printed on each line");
    assert.match(await page.locator(".ask-all").innerText(), lang === "zh" ? /先到洸河街道办事处咨询/ : /Guanghe|洸河街道办事处/, "where to ask, said once");
    assert.ok(await page.locator('[data-member="1"] .near').isVisible(), "值得留意 is printed");
    // The answers the paper was made from, for a clerk to check (street, household type, each
    // member's age, sex and insurance), as the form was filled.
    const answers = page.locator(".answers");
    assert.ok(await answers.isVisible(), "the answers are printed");
    const said = await answers.innerText();
    for (const a of lang === "zh"
      ? ["住在洸河街道", "低保边缘家庭", "家里用管道天然气", "92岁女性：居民医保", "79岁男性：居民医保", "81岁女性：居民医保（免缴费）"]
      : ["Guanghe", "just above the allowance line", "Woman, 92: in resident medical insurance", "Man, 79: ", "Woman, 81: "]) {
      assert.ok(said.includes(a), `the printed answers say "${a}": ${said}`);
    }
    // A likely line prints what it turns on (why it is only likely, as its fold says it), not
    // only why it applies: "面向遇到突发困难的家庭".
    await page.emulateMedia({ media: "screen" });
    for (const d of await page.locator("li.measure:has(.badge.likely) > details").all()) await d.evaluate((el) => { el.open = true; });
    await page.emulateMedia({ media: "print" });
    const likelyPrinted = await page.evaluate(() => [...document.querySelectorAll("li.measure")]
      .filter((li) => li.querySelector(".badge.likely"))
      .map((li) => [li.querySelector(".m-print").textContent, [...li.querySelectorAll(".why-check")].map((p) => p.textContent)]));
    assert.ok(likelyPrinted.length > 0, "a likely line on the paper");
    for (const [printed, checks] of likelyPrinted) {
      // On paper the condition follows why after a `；`, its own full stop dropped (no "。；").
      assert.ok(checks.length > 0 && checks.some((c) => printed.includes(c.replace(/。$/, ""))), `its condition printed: ${printed} (its fold: ${checks.join(" | ")})`);
      assert.doesNotMatch(printed, /。；/, "no full stop before a semicolon");
    }
    // Each member's measures under their name on paper, the shared ones named.
    for (const i of [0, 1, 2]) {
      const section = page.locator(`[data-member="${i}"]`);
      // Every member here shares lines said above: on paper, named beside their name.
      assert.equal(await section.locator(".also").count(), 1, `member ${i} shares lines said above`);
      const printed = section.locator("h3 .also-print");
      assert.ok(await printed.isVisible(), `member ${i}: the shared lines named on paper`);
      assert.match(await printed.innerText(), lang === "zh" ? /^也适用上面列出的：全家3人都适用的\d+项/ : /^Also theirs, listed above: the \d+ for all 3 people/);
    }
    assert.ok(!(await page.locator(".questions").isVisible()), "the form is not printed");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    fs.writeFileSync(shotPath(`print-3-members-${lang}.pdf`), pdf);
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `the ${lang} summary printed on ${pages} pages`);
    await done(page);
  }
});

test("reading aloud in English gives the Chinese names a Chinese voice", async () => {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: "zh-CN" });
  // A speech engine that writes down what it is asked to say, and in which language.
  await context.addInitScript(() => {
    window.__spoken = [];
    const fake = {
      speaking: false,
      pending: false,
      speak(u) { window.__spoken.push({ text: u.text, lang: u.lang }); if (u.onstart) setTimeout(() => u.onstart(new Event("start")), 0); },
      cancel() {},
      getVoices() { return []; },
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, "speechSynthesis", { value: fake, configurable: true });
  });
  const page = await open(profileHash({ street: "guanghe", members: [{ age: 92, sex: "female", insurance: "resident" }] }), { context });
  await cashIs(page, "100");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Listen" }).click();
  await page.waitForFunction(() => window.__spoken.length > 0);
  const spoken = await page.evaluate(() => window.__spoken);
  const han = /[\u4e00-\u9fff]/;
  assert.ok(spoken.some((u) => u.lang === "zh-CN" && u.text.includes("洸河街道办事处")), "the subdistrict office is said in Chinese");
  assert.ok(spoken.some((u) => u.lang === "en" && /Old-age allowance/.test(u.text)), "the rest in English");
  assert.deepEqual(spoken.filter((u) => u.lang === "en" && han.test(u.text)), [], "no Chinese left for the English voice");
  assert.deepEqual(spoken.filter((u) => u.lang === "zh-CN" && /[A-Za-z]/.test(u.text)), [], "no English for the Chinese voice");
  await done(page);
});

test("the small things: reading aloud turns back, the share panel stays open, copy failure is not green, no number spinner", async () => {
  const page = await open(profileHash({ members: [{ age: 92, sex: "female" }] }), {
    permissions: [],
  });
  await cashIs(page, "100");
  const read = page.locator("#read-aloud");
  if (await read.count()) {
    await read.click();
    await page.waitForFunction(() => document.querySelector("#read-aloud").textContent === "朗读结果", null, { timeout: 8000 });
  }
  await page.getByRole("button", { name: "分享链接和二维码" }).click();
  await page.getByRole("button", { name: "添加家庭成员" }).click();
  await typeAge(page, 1, "80");
  await cashIs(page, "150");
  assert.equal(await page.locator("#share-panel").count(), 1, "adding a member keeps the panel open");
  await page.getByRole("button", { name: "删除此成员" }).first().click();
  await cashIs(page, "50");
  assert.equal(await page.locator("#share-panel").count(), 1, "removing one keeps it open too");
  assert.equal(await page.getByLabel("年龄").first().getAttribute("type"), "text", "a text box: the mouse wheel cannot change the age");
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error("refused")); });
  await page.getByRole("button", { name: "复制文字" }).click();
  await page.getByText("无法自动复制").waitFor();
  const color = await page.locator(".copied.failed").evaluate((e) => getComputedStyle(e).color);
  assert.equal(color, "rgb(164, 22, 26)", "a failure is shown in the danger colour");
  await done(page);
});

test("why not: each member's other measures with the condition not met, in both languages and through the JS API", async () => {
  const page = await open(profileHash({ members: [{ age: 78, sex: "male" }] }));
  await cashIs(page, "0");
  const whyNot = page.locator('[data-member="0"] details.why-not');
  await whyNot.locator("summary").click();
  assert.equal(await whyNot.locator('[data-not-item="10"]').innerText(), "高龄补贴：需年满80周岁（现78周岁）");
  assert.equal(await whyNot.locator('[data-not-item="31"]').count(), 0, "women's insurance is not listed for a man…");
  assert.equal(await whyNot.locator('[data-not-item="17"]').count(), 0, "…nor childcare for a 78-year-old");
  assert.match(await whyNot.innerText(), /另有\d+项只给其他年龄或性别的人，未列出/, "they are counted instead");
  assert.match(await whyNot.locator('[data-not-item="28"]').innerText(), /农村富余劳动力（想找工作）或城镇长期失业人员/, "any of: said with 或");
  // What a 4-year-old will not reach for decades (cable TV from 65, the allowance from 80) is
  // counted, not listed; a 62-year-old is told of cable TV at 65, three years away.
  for (const [age, item, listed] of [[4, "5", false], [4, "10", false], [62, "5", true]]) {
    const other = await open(profileHash({ members: [{ age, sex: "male" }] }));
    const list = other.locator('[data-member="0"] details.why-not');
    await list.locator("summary").click();
    // The fold's body is written when it opens: read once it is there, so "not listed" is not
    // read from a fold not yet drawn.
    await list.locator("[data-not-item]").first().waitFor();
    assert.equal(await list.locator(`[data-not-item="${item}"]`).count(), listed ? 1 : 0, `item ${item} for a ${age}-year-old: ${listed ? "listed" : "counted, not listed"}`);
    if (!listed) assert.match(await list.innerText(), /另有\d+项只给其他年龄或性别的人，未列出/);
    await done(other);
  }
  // 为全区集中供养特困人员和孤困儿童购买人身综合保险: of the two groups, a 78-year-old is told only the
  // one he can still be in.
  const fifteen = await whyNot.locator('[data-not-item="15"]').innerText();
  assert.match(fifteen, /：需是集中供养特困$/, fifteen);
  // 老旧小区…夜间停车: where "and" joins an "or", the "or" is bracketed, so the car binds to both.
  for (const d of await page.locator("details.why-not").all()) await d.evaluate((el) => { el.open = true; });
  const parking = page.locator('[data-not-item="29"]');
  await parking.waitFor();
  assert.match(await parking.innerText(), /：需（住在老旧小区或住在[^）]*），并且家里有汽车$/);
  await page.getByRole("button", { name: "English" }).click();
  await page.locator('[data-member="0"] details.why-not').evaluate((d) => { d.open = true; });
  assert.equal(await page.locator('[data-member="0"] [data-not-item="10"]').innerText(), "Old-age allowance: only if aged 80 or over (now 78)");
  const fifteenEn = await page.locator('[data-member="0"] [data-not-item="15"]').innerText();
  assert.doesNotMatch(fifteenEn, /17|child/, fifteenEn);
  for (const d of await page.locator("details.why-not").all()) await d.evaluate((el) => { el.open = true; });
  assert.match(await page.locator('[data-not-item="29"]').innerText(), /: only if you have a car and either you live in an old housing estate or you live in [^()]*$/);
  assert.equal(await page.locator('[data-member="0"] [data-not-item="26"]').innerText(), "Construction skills training: only if working in construction");
  const api = await page.evaluate(() => JSON.parse(window.minsheng.evaluate(JSON.stringify({ members: [{ age: 78, sex: "male" }] }))));
  const ten = api.not_applicable[0].find((n) => n.item === 10);
  assert.deepEqual(ten, { item: 10, measure: "10", unmet: [{ age: { min: 80 } }] });
  assert.ok(Array.isArray(api.household_not_applicable));
  await done(page);
});

test("the form's starting sex is never passed off as an answer: nobody is named 女性 until it is chosen, also after a reload", async () => {
  const page = await open();
  await typeAge(page, 0, "78");
  // Typed a figure at a time: 7's results come first, then 78's.
  await until(page, () => document.querySelector('[data-member="0"] h3')?.innerText === "78岁", undefined, { what: "78's results, named 78岁" });
  // A reload keeps it unchosen (it was once lost, so a man who skipped the question read a
  // woman's results with nothing to say so).
  await page.waitForFunction(() => sessionStorage.getItem("minsheng.answers")?.includes('"sex_chosen":[false]'));
  await page.reload();
  await page.locator('[data-member="0"]').waitFor();
  assert.equal(await page.locator('[data-member="0"] h3').innerText(), "78岁", "unchosen after a reload");
  await page.getByLabel("性别").first().selectOption({ label: "男" });
  await page.waitForFunction(() => document.querySelector('[data-member="0"] h3')?.innerText === "78岁男性");
  // Answers that came with a link were given: named by them.
  const linked = await open(profileHash({ members: [{ age: 78, sex: "female" }] }));
  await linked.locator('[data-member="0"]').waitFor();
  assert.equal(await linked.locator('[data-member="0"] h3').innerText(), "78岁女性");
  await done(linked);
  await done(page);
});
