// Issue 26's household at a glance, as a family reads it: a three-generation rural family on a
// 360 px phone in large text. Shared measures said once, the next step in view, no sex assumed,
// a district's office directory where one is given, the printout's way back, reading aloud
// without a voice.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, profileHash, shotPath, until } from "./harness.mjs";

// The family the issue describes: 62-year-old woman, 66-year-old husband with a physical
// disability, their 4-year-old grandson; 接庄街道, village, 低保边缘.
const family = { street: "jiezhuang", area: "rural", kind: "low_income", members: [
  { age: 62, sex: "female", insurance: "resident" },
  { age: 66, sex: "male", insurance: "resident", disability: "physical" },
  { age: 4, sex: "male", insurance: "resident" },
] };
const PHONE = { width: 360, height: 640 };
// A made-up directory (no real address or number): what a deployer's seeds/offices.json puts in the page.
const OFFICES = '<script type="text/plain" id="offices">\n接庄街道办事处\t示例路1号（测试用）\t0000-0000000\t周一至周五\n</script>';

let server, plain, browser;
before(async () => {
  server = await serve(undefined, { html: (text) => text.replace("</body>", `${OFFICES}\n</body>`) });
  plain = await serve();
  browser = await launch();
});
after(async () => { await browser.close(); server.close(); plain.close(); });

async function openFamily(lang, { on = server, profile = family } = {}) {
  const page = await openPage(browser, on, profileHash(profile), { viewport: PHONE, locale: lang === "zh" ? "zh-CN" : "en-GB" });
  await page.locator('[data-member="0"]').waitFor();
  if (lang === "en" && (await page.locator("html").getAttribute("lang")) !== "en") {
    await page.locator("#lang-switch").click();
    await until(page, () => document.documentElement.lang === "en", undefined, { what: "English" });
  }
  await page.locator("#large-switch").click();
  await until(page, () => document.documentElement.classList.contains("large"), undefined, { what: "large text" });
  return page;
}

test("the family reads in five screens in large text at 360 px: every measure once, with its amount, certainty and whom it is for", async () => {
  const expected = JSON.parse(await (async () => {
    const page = await openFamily("zh");
    const r = await page.evaluate((p) => window.minsheng.evaluate(JSON.stringify(p)), family);
    await page.context().close();
    return r;
  })());
  for (const lang of ["zh", "en"]) {
    // As shipped: no office directory.
    const page = await openFamily(lang, { on: plain });
    const m = await page.evaluate(() => {
      const top = document.getElementById("results-heading").getBoundingClientRect().top;
      const household = document.querySelector('[data-scope="household"]').getBoundingClientRect().bottom;
      const lines = [...document.querySelectorAll("li[data-item]")].map((el) => ({
        item: +el.dataset.item,
        members: el.dataset.members ?? el.closest("[data-member]")?.dataset.member ?? "household",
        insideMember: !!el.parentElement.closest("[data-member]"),
        amount: el.querySelector(".m-amount")?.innerText ?? "",
        sure: el.querySelector(".badge")?.innerText.replace(/\s+/g, "") ?? "",
        shown: el.getBoundingClientRect().height > 0,
      }));
      return { height: Math.round(household - top), lines, opened: document.querySelectorAll(".m-detail").length };
    });
    // Five screens in either language: short titles (the long form in the details), and the
    // box that says there is no cash after the measures.
    const limit = 3200;
    console.log(`${lang}: the family's results are ${m.height} px in large text at 360 px`);
    assert.ok(m.height <= limit, `${lang}: the results, heading to the household's last line, are ${m.height} px (limit ${limit})`);
    assert.equal(m.opened, 0, "nothing opened");
    // Nothing lost: each member's every measure is a line for that member, alone or named among others.
    for (const [i, entries] of expected.members.entries()) {
      for (const e of entries) {
        const line = m.lines.find((l) => l.item === e.item && l.members.split(" ").includes(String(i)));
        assert.ok(line, `${lang}: member ${i}'s item ${e.item} is on the page`);
        assert.ok(line.shown && /[✓?]/.test(line.sure), `${lang}: item ${e.item}'s certainty in view`);
        assert.equal(line.sure.startsWith("✓"), e.certainty === "eligible", `${lang}: item ${e.item} ✓ only when eligible`);
        if (e.money?.length || e.ratios?.length) assert.ok(line.amount, `${lang}: item ${e.item}'s amount in view`);
      }
    }
    // A shared measure is one line: the three insurance measures each once, for all three, outside any one member.
    for (const item of [20, 21]) {
      const lines = m.lines.filter((l) => l.item === item && l.members !== "household");
      assert.equal(lines.length, 1, `${lang}: item ${item} said once (${JSON.stringify(lines)})`);
      assert.equal(lines[0].members, "0 1 2");
      assert.equal(lines[0].insideMember, false, "inside no single member's element");
    }
    assert.equal(m.lines.length, 14, `${lang}: 14 lines where there were 22`);
    await page.screenshot({ path: shotPath(`household-${lang}-large-360.png`), fullPage: true });
    await page.context().close();
  }
});

test("the next step in view: where to ask said once, with the directory's address; what likely means, with the catalogue's reasons", async () => {
  for (const lang of ["zh", "en"]) {
    const page = await openFamily(lang);
    const ask = page.locator(".next .ask-all");
    assert.ok(await ask.isVisible());
    assert.match(await ask.innerText(), /接庄街道办事处/);
    const office = page.locator(".next .office");
    assert.match(await office.innerText(), lang === "zh" ? /接庄街道办事处：地址 示例路1号（测试用）；电话 0000-0000000；办公时间 周一至周五/ : /address 示例路1号（测试用）; phone 0000-0000000; hours 周一至周五/);
    const legend = await page.locator(".next .legend").innerText();
    assert.match(legend, lang === "zh" ? /可能符合：需咨询确认（.*名额有限.*）/ : /Likely: ask to confirm \(.*places are limited.*\)/);
    // The catalogue's reasons, each said once, in a few words: the 名额有限, 需要申请, 部门审核.
    const reasons = legend.slice(legend.indexOf(lang === "zh" ? "（" : "(") + 1, -1).split(lang === "zh" ? "；" : "; ");
    assert.deepEqual([...new Set(reasons)], reasons, `each reason once: ${legend}`);
    for (const r of lang === "zh" ? ["需申请", "部门审核", "名额有限"] : ["you apply", "the department decides", "places are limited"]) {
      assert.ok(reasons.includes(r), `${r} in ${legend}`);
    }
    // Each line's fold still says it in full, and the office's details.
    const line = page.locator('[data-members="0 1"]').first();
    await line.locator("summary").first().click();
    assert.match(await line.locator(".m-detail").innerText(), lang === "zh" ? /名额有限|需要申请/ : /Places are limited|You apply/);
    assert.match(await line.locator(".m-detail .office").innerText(), /0000-0000000/);
    // The printout: where to ask with the office, and the QR code back to these answers, drawn
    // when the page is printed (the Print button; the browser's print fires the same event).
    assert.equal(await page.locator(".print-qr path").getAttribute("d"), null, "no code encoded before printing");
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await until(page, () => document.querySelector(".print-qr:not([hidden]) path")?.getAttribute("d")?.length > 100, undefined, { what: "the printout's QR code, drawn for the print" });
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator(".next .office").isVisible(), "the office on the printout");
    const qr = await page.locator(".print-qr svg").boundingBox();
    assert.ok(qr && qr.width >= 70, `the printout's QR code is ${qr?.width} px wide`);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    // With the directory's office and the QR code, printed from large text: one A4 page.
    assert.equal(pages, 1, `${lang}: the family's printout is ${pages} A4 pages`);
    await page.screenshot({ path: shotPath(`household-${lang}-print.png`), fullPage: true });
    await page.context().close();
  }
  // No directory given: nothing is invented.
  const page = await openFamily("zh", { on: plain });
  assert.equal(await page.locator(".office").count(), 0);
  assert.doesNotMatch(await page.locator(".results").innerText(), /电话|地址/);
  // The Print button's print draws the code (headless Chromium then holds the page in its print,
  // so the PDF above is made from the event alone).
  await page.locator("#print").click();
  await until(page, () => document.querySelector(".print-qr:not([hidden]) path")?.getAttribute("d")?.length > 100, undefined, { what: "the QR code, drawn by the Print button's print" });
  await page.context().close();
});

test("no sex assumed: an age typed names nobody 女性, a measure for women says 如是女性, and choosing settles it", async () => {
  const page = await openPage(browser, plain, "", { viewport: PHONE });
  await page.getByLabel("年龄").first().fill("35");
  await page.getByLabel("家庭类型").selectOption({ label: "低保家庭" });
  await page.locator('[data-member="0"]').waitFor();
  const heading = await page.locator('[data-member="0"] h3').innerText();
  assert.equal(heading, "35岁");
  assert.doesNotMatch((await page.locator(".results h3").allInnerTexts()).join(" "), /女性/, "no heading calls her 女性");
  assert.equal(await page.getByLabel("性别").first().inputValue(), "", "the sex box says 请选择");
  assert.match(await page.locator("legend").first().innerText(), /家庭成员1：35岁$/);
  const women = page.locator('[data-member="0"] [data-item="31"] .m-title');
  assert.ok(await women.count() >= 1);
  assert.match(await women.first().innerText(), /^如是女性：/);
  await page.getByLabel("性别").first().selectOption({ label: "男" });
  await until(page, () => document.querySelector('[data-member="0"] h3')?.innerText === "35岁男性", undefined, { what: "35岁男性" });
  assert.equal(await page.locator('[data-member="0"] [data-item="31"]').count(), 0, "nothing for women for a man");
  await page.getByLabel("性别").first().selectOption({ label: "女" });
  await until(page, () => document.querySelector('[data-member="0"] h3')?.innerText === "35岁女性", undefined, { what: "35岁女性" });
  assert.doesNotMatch(await women.first().innerText(), /如是/);
  await page.context().close();
});

test("reading aloud with no voice says so within a few seconds and turns back", async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: "zh-CN" });
  // A device with no voice: the speech is queued and never starts.
  await context.addInitScript(() => {
    if (!window.speechSynthesis) return;
    speechSynthesis.speak = () => {};
    Object.defineProperty(speechSynthesis, "pending", { get: () => true });
  });
  const page = await openPage(browser, plain, profileHash(family), { context });
  await page.locator('[data-member="0"]').waitFor();
  await page.locator("#read-aloud").click();
  await page.getByText("这台设备没有可用的朗读语音。").waitFor({ timeout: 6000 });
  assert.equal(await page.locator("#read-aloud").innerText(), "朗读结果", "the button turns back");
  assert.equal(await page.locator("#read-aloud").getAttribute("aria-pressed"), "false");
  await context.close();
});

test("a chosen answer is shown whole: in large text at 320 and 360 px a long answer wraps in its box, in both languages", async () => {
  for (const width of [320, 360]) {
    for (const lang of ["zh", "en"]) {
      const page = await openPage(browser, plain, profileHash({ members: [{ age: 40, sex: "male" }] }), { viewport: { width, height: 640 }, locale: lang === "zh" ? "zh-CN" : "en-GB" });
      await page.locator('[data-member="0"]').waitFor();
      if (lang === "en" && (await page.locator("html").getAttribute("lang")) !== "en") await page.locator("#lang-switch").click();
      await page.locator("#large-switch").click();
      await until(page, () => document.documentElement.classList.contains("large"), undefined, { what: "large text" });
      // For each drop-down and each of its answers: how many lines the answer takes as running
      // text in the box's own font and width (a probe, laid out as the page lays out text); one
      // that takes two must get two in the box.
      const cut = await page.evaluate(() => {
        const out = [];
        let long = 0;
        for (const s of document.querySelectorAll(".questions select")) {
          const cs = getComputedStyle(s);
          const probe = document.createElement("div");
          probe.style.cssText = `position:absolute;visibility:hidden;white-space:normal;font:${cs.font};width:${s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)}px`;
          document.body.append(probe);
          probe.textContent = "高";
          const line = probe.getBoundingClientRect().height;
          const was = s.selectedIndex;
          for (const o of s.options) {
            probe.textContent = o.text;
            const lines = Math.round(probe.getBoundingClientRect().height / line);
            if (lines < 2) continue;
            long++;
            s.selectedIndex = o.index;
            const h = s.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
            if (h < (lines - 0.2) * line) out.push(`${s.id}: "${o.text}" needs ${lines} lines, has ${Math.round(h)} px (a line is ${Math.round(line)} px)`);
          }
          s.selectedIndex = was;
          probe.remove();
        }
        return { out, long };
      });
      assert.deepEqual(cut.out, [], `${lang} at ${width} px: answers cut in their boxes`);
      if (width === 320) assert.ok(cut.long > 0, `${lang}: some answers need two lines at 320 px, so this test measured something`);
      await page.screenshot({ path: shotPath(`form-${lang}-large-${width}.png`), fullPage: true });
      await page.context().close();
    }
  }
});

test("nothing wider than the phone: the family in large text on a phone whose own text size is raised (125 %), at 320 and 360 px, in both languages", async () => {
  for (const width of [320, 360]) {
    for (const lang of ["zh", "en"]) {
      const context = await browser.newContext({ viewport: { width, height: 640 }, deviceScaleFactor: 1, locale: lang === "zh" ? "zh-CN" : "en-GB" });
      const page = await context.newPage();
      // The phone's own larger text, as WeChat's text size sets it: a 20 px default font.
      await (await context.newCDPSession(page)).send("Page.setFontSizes", { fontSizes: { standard: 20 } });
      await page.goto(plain.url + profileHash(family));
      await page.locator('[data-member="0"]').waitFor();
      if (lang === "en" && (await page.locator("html").getAttribute("lang")) !== "en") await page.locator("#lang-switch").click();
      await page.locator("#large-switch").click();
      await until(page, () => document.documentElement.classList.contains("large"), undefined, { what: "large text" });
      const wide = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        elements: [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 24)}"`),
      }));
      assert.ok(wide.page <= width, `${lang} at ${width} px: the page is ${wide.page} px wide (${wide.elements.join("; ")})`);
      assert.deepEqual(wide.elements, [], `${lang} at ${width} px: elements past the screen's edge`);
      await context.close();
    }
  }
});

test("CONTRACT §4: [data-member=i] [data-item=N] finds every entry of result.members[i], shared lines included, in both languages", async () => {
  const households = [
    // A grandmother opening her daughter's link: 70, 73 (employee insurance), 44 and 8.
    { street: "guanghe", members: [{ age: 70, sex: "female", insurance: "resident" }, { age: 73, sex: "male", insurance: "employee" }, { age: 44, sex: "female", insurance: "resident" }, { age: 8, sex: "male", insurance: "resident" }] },
    // An old couple of 92 and 85: their allowances differ, the rest they share.
    { street: "guanghe", members: [{ age: 92, sex: "female", insurance: "resident" }, { age: 85, sex: "male", insurance: "resident" }] },
    family,
  ];
  for (const profile of households) {
    for (const lang of ["zh", "en"]) {
      const page = await openFamily(lang, { on: plain, profile });
      const result = JSON.parse(await page.evaluate((p) => window.minsheng.evaluate(JSON.stringify(p)), profile));
      const missing = await page.evaluate((members) => members.flatMap((entries, i) => entries
        .filter((e) => !document.querySelector(`[data-member="${i}"] [data-item="${e.item}"]`))
        .map((e) => `member ${i}, item ${e.item}`)), result.members);
      assert.deepEqual(missing, [], `${lang}: every entry found under its member (${profile.members.map((m) => m.age).join(", ")})`);
      // No member's heading reads empty: each section names at least one measure, or says none applies.
      const bare = await page.evaluate(() => [...document.querySelectorAll("[data-member]")]
        .filter((s) => !s.querySelector("[data-item]") && !s.querySelector(".empty")).map((s) => s.dataset.member));
      assert.deepEqual(bare, [], `${lang}: no member's section is a bare heading`);
      await page.context().close();
    }
  }
});

test("what she gets first: the first screen of results holds a measure the household gets, with cash and without, in large text on a 390×844 phone", async () => {
  const households = {
    "no cash (a woman of 70)": { street: "guanghe", members: [{ age: 70, sex: "female", insurance: "resident" }] },
    "cash (a couple of 92 and 85)": { street: "guanghe", members: [{ age: 92, sex: "female", insurance: "resident" }, { age: 85, sex: "male", insurance: "resident" }] },
  };
  for (const [what, profile] of Object.entries(households)) {
    for (const lang of ["zh", "en"]) {
      const page = await openPage(browser, plain, profileHash(profile), { viewport: { width: 390, height: 844 }, locale: lang === "zh" ? "zh-CN" : "en-GB" });
      await page.locator("li[data-item]").first().waitFor();
      if (lang === "en") await page.locator("#lang-switch").click();
      await page.locator("#large-switch").click();
      await until(page, () => document.documentElement.classList.contains("large"), undefined, { what: "large text" });
      // The results' first screen: their heading at the top, as the link and the bar put it.
      const seen = await page.evaluate(() => {
        document.getElementById("results-heading").scrollIntoView();
        // With cash, the box on top names the measures that pay it, each with its amount: a
        // measure she gets, on the first screen. Without, the first line.
        const first = (document.querySelector(".cash-from li") || document.querySelector("li[data-item] summary")).getBoundingClientRect();
        const bar = document.getElementById("jump");
        // A bar at the foot of the screen covers what is under it.
        const top = bar ? bar.getBoundingClientRect().top : innerHeight;
        const floor = top > 0 && top < innerHeight ? top : innerHeight;
        return { bottom: Math.round(first.bottom), floor: Math.round(floor) };
      });
      assert.ok(seen.bottom <= seen.floor, `${what}, ${lang}: the first measure ends at ${seen.bottom} px, within the first screen (${seen.floor} px)`);
      await page.context().close();
    }
  }
});
