// The first questions before the calculator: index.html carries the app's own first questions
// (scripts/dist/first.mjs), a resident answers them while the Wasm downloads on a weak signal,
// and the app takes over what was typed and chosen, with the focus and the caret, and shows
// their results. Where the app will open on other answers or in English, they are not shown.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, shotPath } from "./harness.mjs";

// A rural resident's weak signal: 400 kbps, 400 ms round trips.
const WEAK = { offline: false, latency: 400, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 };
const started = (page) => page.evaluate(() => !!document.getElementById("add-member"));
// What a person sees: the page painted (with its stylesheet), not only the element parsed.
const painted = (page) => page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { polling: 50 });
const RESULT = '[data-member="0"] [data-item], [data-members~="0"][data-item]';

// One server and one browser for the file; each test opens contexts of its own.
let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser.close();
  await server.close();
});

async function weakPage(browser, server, { viewport = { width: 375, height: 667 }, init = null, address = "", network = WEAK } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "zh-CN" });
  // Every frame's age box, from the first: a frame that showed it emptied is a flash.
  await context.addInitScript(() => {
    window.frames_ = [];
    const tick = () => {
      const box = document.getElementById("m0-age");
      window.frames_.push(box ? box.value : null);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  await page.goto(server.url + address, { waitUntil: "commit" });
  return page;
}

for (const [label, viewport, large] of [["a phone", { width: 375, height: 667 }, false], ["a phone in large text", { width: 375, height: 667 }, true], ["a desk's screen", { width: 1024, height: 768 }, false]]) {
  test(`on a weak signal, ${label}: the first question is answered before the calculator arrives, and nothing typed is lost`, async () => {
    const page = await weakPage(browser, server, { viewport, init: large ? () => localStorage.setItem("minsheng.prefs", "large") : null });
    const age = page.getByLabel("年龄");
    await age.waitFor();
    await painted(page);
    assert.equal(await started(page), false, "the age box is on screen before the app has started");
    // Where the box is on the page (the test's own taps may scroll it).
    const where = () => age.evaluate((el) => { const r = el.getBoundingClientRect(); return { x: Math.round(r.x + scrollX), y: Math.round(r.y + scrollY) }; });
    const before = await where();
    const fontSize = await age.evaluate((el) => getComputedStyle(el).fontSize);
    // A person types: taps the box, types, corrects, chooses, ticks, goes back into the box.
    await age.click();
    await page.keyboard.type("79");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("8");
    // The keyboard's "Go": nothing is sent, nothing breaks.
    await page.keyboard.press("Enter");
    await page.getByLabel("性别").selectOption("女");
    await page.getByLabel("失能（生活不能自理）").check();
    await age.click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await started(page), false, "all of it was answered before the app started (the test measures the hand-over)");
    await page.locator("#add-member").waitFor({ timeout: 60000 });
    await page.locator(RESULT).first().waitFor();
    const after = await page.evaluate(() => {
      const box = document.getElementById("m0-age");
      return {
        age: box.value,
        sex: document.getElementById("m0-sex").value,
        tick: document.getElementById("m0-self_care_lost").checked,
        focus: document.activeElement.id,
        caret: [box.selectionStart, box.selectionEnd],
        kept: sessionStorage.getItem("minsheng.answers"),
        frames: window.frames_,
      };
    });
    assert.equal(after.age, "78");
    assert.equal(after.sex, "女");
    assert.equal(after.tick, true);
    assert.equal(after.focus, "m0-age", "the focus is back in the age box");
    assert.deepEqual(after.caret, [1, 1], "the caret is where it was, between 7 and 8");
    // The app's own state holds the answers, not only its boxes: it kept them in the tab.
    const kept = JSON.parse(after.kept);
    assert.deepEqual(kept.ages, ["78"]);
    assert.equal(kept.profile.members[0].sex, "female");
    assert.equal(kept.profile.members[0].self_care_lost, true);
    // Once 78 was in the box, no frame showed anything else: no flash of an empty form.
    const from = after.frames.indexOf("78");
    assert.ok(from >= 0, "a frame showed 78");
    assert.deepEqual([...new Set(after.frames.slice(from))], ["78"], `frames after typing: ${[...new Set(after.frames.slice(from))].join(" | ")}`);
    // The page did not move under the resident: the box is where it was, at the same size.
    assert.deepEqual(await where(), before, "the age box stays where it was on the page");
    assert.equal(await age.evaluate((el) => getComputedStyle(el).fontSize), fontSize);
    assert.deepEqual(page.errors, []);
    await page.screenshot({ path: shotPath(`first-handed-over-zh-${large ? "large" : "normal"}-${viewport.width}x${viewport.height}.png`) });
    await page.context().close();
  });
}

test("before the calculator, the first screen shows the questions and the wait, and the header's tools hold their place", async () => {
  const page = await weakPage(browser, server);
  await page.getByLabel("年龄").waitFor();
  await painted(page);
  const shown = await page.evaluate(() => ({
    heading: document.getElementById("form-heading")?.textContent,
    questions: [...document.querySelectorAll("[data-member-form] label")].map((l) => l.textContent),
    wait: document.querySelector(".loading")?.textContent,
    tools: getComputedStyle(document.querySelector(".tools")).visibility,
    inert: document.querySelector(".tools").inert,
  }));
  assert.equal(shown.heading, "请回答以下问题");
  assert.deepEqual(shown.questions.slice(0, 5), ["年龄", "性别", "医疗保险", "残疾情况", "就业情况"]);
  assert.match(shown.wait, /正在下载查询工具/);
  assert.equal(shown.tools, "hidden", "the language and text-size buttons do nothing yet, and are not shown");
  assert.equal(shown.inert, true);
  // index.html itself carries them hidden: boot.js shows them once it knows they are this reader's.
  const html = await (await fetch(server.url)).text();
  assert.match(html, /<form [^>]*class="questions"[^>]*hidden>/);
  await page.screenshot({ path: shotPath("first-before-app-zh-normal-375x667.png") });
  await page.locator("#add-member").waitFor({ timeout: 60000 });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".tools")).visibility), "visible");
  await page.context().close();
});

test("where the app opens on other answers or in English, the first questions are not shown: a link, kept answers, the English reader, the desk", async () => {
  const link = "#profile=" + Buffer.from(JSON.stringify({ members: [{ age: 80, sex: "female" }] })).toString("base64url");
  const kept = JSON.stringify({ version: 3, profile: { members: [{ age: 81, sex: "male" }] }, ages: ["81"], sex_chosen: [true] });
  const cases = [
    ["a #profile= link", { address: link }, "80"],
    ["answers kept in the tab", { init: `sessionStorage.setItem("minsheng.answers", ${JSON.stringify(kept)})` }, "81"],
    ["answers kept on the device", { init: `localStorage.setItem("minsheng.answers", ${JSON.stringify(kept)})` }, "81"],
    ["an English reader", { init: () => localStorage.setItem("minsheng.prefs", "en") }, ""],
    ["the desk", { address: "#desk" }, ""],
  ];
  for (const [what, options, age] of cases) {
    const init = typeof options.init === "string" ? new Function(options.init) : options.init;
    const page = await weakPage(browser, server, { ...options, init });
    await page.waitForLoadState("domcontentloaded");
    const before = await page.evaluate(() => ({ questions: !!document.querySelector("[data-member-form]"), wait: !!document.querySelector(".loading"), started: !!document.getElementById("add-member") }));
    assert.deepEqual(before, { questions: false, wait: true, started: false }, what);
    await page.locator("#add-member").waitFor({ timeout: 60000 });
    assert.equal(await page.locator("#m0-age").inputValue(), age, `${what}: the app shows its own answers`);
    assert.deepEqual(page.errors, [], what);
    await page.context().close();
  }
});

test("a boot script that comes late never shows the questions to the wrong reader, nor in the wrong size", async () => {
  // The boot script (which decides) sent at 600 B/s: it runs seconds after the page has painted.
  const slow = await serve(undefined, { network: (p) => (/\/boot-[0-9a-f]+\.js$/.test(p) ? { rate: 600 } : null) });
  try {
    for (const [what, init, expect] of [
      ["an English reader", () => localStorage.setItem("minsheng.prefs", "en"), "never"],
      ["a reader in large text", () => localStorage.setItem("minsheng.prefs", "large"), "large"],
    ]) {
      const page = await weakPage(browser, slow, {
        network: null,
        init: () => {
          // Each frame before the app: whether the first questions showed, and at what size.
          window.shown_ = [];
          const tick = () => {
            if (!document.getElementById("add-member")) {
              const box = document.querySelector("[data-member-form] input");
              if (box && box.offsetParent) window.shown_.push(document.documentElement.classList.contains("large") ? "large" : "normal");
              requestAnimationFrame(tick);
            }
          };
          requestAnimationFrame(tick);
        },
      });
      await page.evaluate(init);
      await page.reload({ waitUntil: "commit" });
      await page.locator("#add-member").waitFor({ timeout: 60000 });
      const shown = [...new Set(await page.evaluate(() => window.shown_))];
      assert.deepEqual(shown, expect === "never" ? [] : [expect], `${what}: the questions shown before the app, by frame (${shown.join(", ") || "none"})`);
      await page.context().close();
    }
  } finally {
    await slow.close();
  }
});

test("a reload before the calculator has come (the stall notice's retry) keeps what was answered, and the app takes it", async () => {
  const page = await weakPage(browser, server, { network: null });
  let hold = true;
  // The Wasm does not come until the page has been reloaded once.
  await page.route(/\.wasm$/, (route) => (hold ? undefined : route.continue()));
  await page.reload({ waitUntil: "commit" });
  const age = page.getByLabel("年龄");
  await age.click();
  await page.keyboard.type("82");
  await page.getByLabel("性别").selectOption("男");
  await page.getByLabel("重度残疾").check();
  hold = false;
  await page.reload({ waitUntil: "commit" });
  await page.locator("#add-member").waitFor({ timeout: 30000 });
  await page.locator(RESULT).first().waitFor();
  const after = await page.evaluate(() => [document.getElementById("m0-age").value, document.getElementById("m0-sex").value, document.getElementById("m0-severe_disability").checked, sessionStorage.getItem("minsheng.first")]);
  assert.deepEqual(after, ["82", "男", true, null], "the answers came back after the reload, and the tab keeps them only until the app has them");
  await page.context().close();
});

test("where WebAssembly is missing, what was typed before the JavaScript build started is handed over too", async () => {
  const page = await weakPage(browser, server, { init: () => { delete window.WebAssembly; } });
  const age = page.getByLabel("年龄");
  await age.waitFor();
  await age.click();
  await page.keyboard.type("85");
  assert.equal(await started(page), false);
  await page.locator("#add-member").waitFor({ timeout: 90000 });
  assert.equal(await page.evaluate(() => window.minshengEngine), "js");
  await page.locator(RESULT).first().waitFor();
  assert.equal(await age.inputValue(), "85");
  assert.equal(await page.evaluate(() => document.activeElement.id), "m0-age");
  await page.context().close();
});
