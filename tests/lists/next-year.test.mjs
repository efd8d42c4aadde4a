// The page built for another list (scripts/build --catalogue tests/next-year.json, into
// target/dist-next-year): next year's list is a new file, not new code. Its title, greeting,
// footer and no-cash line name its own district and year, its rules give its own amounts, and
// its static list is its own; nothing of 2022's list is said.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, openPage, profileHash, cashIs, root, until } from "../e2e/harness.mjs";

const dir = path.join(root, process.env.MINSHENG_NEXT_DIST || "target/dist-next-year");
let server, browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(dir, "index.html")), `the next year's page in ${dir}: MINSHENG_DIST=target/dist-next-year scripts/build --catalogue tests/next-year.json`);
  server = await serve(dir);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test("a page built for the made-up next year names its own district and year, and gives its own amounts", async () => {
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  assert.match(html, /<title>民生实事查询 · 虚构区2023<\/title>/, "the static title, before the app starts");
  assert.match(html, /看看虚构区2023年的民生实事/, "the static greeting");
  assert.doesNotMatch(html, /高新区|2022/, "nothing of 2022's list in the page");
  // The made-up list pays ¥60 a month from 80 (tests/next-year.json).
  const page = await openPage(browser, server, profileHash({ members: [{ age: 82, sex: "male" }] }));
  await cashIs(page, "60");
  assert.equal(await page.title(), "民生实事查询 · 虚构区2023");
  // The header names the list beside the page's name, as a reader hears it too.
  assert.match(html, /<h1 data-list="?虚构区2023"?>/, "the static header, before the app starts");
  assert.equal(await page.locator("header h1").getAttribute("data-list"), "虚构区2023");
  assert.equal(await page.getByRole("heading", { level: 1 }).evaluate((h) => getComputedStyle(h, "::after").content), '"虚构区2023"', "the stylesheet writes it after the name");
  assert.ok(await page.getByRole("heading", { level: 1, name: "民生实事查询 虚构区2023" }).isVisible(), "the header's accessible name says the list");
  assert.match(await page.locator(".intro").innerText(), /看看虚构区2023年的民生实事/);
  assert.match(await page.locator(".disclaimer").innerText(), /依据虚构区2023年“民生实事”项目清单整理/);
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /高新区|2022/, "nothing of 2022's list on the page");
  await page.getByRole("button", { name: "English" }).click();
  await until(page, () => document.title === "Livelihood measures check · Made-up District 2023", undefined, { what: "the English title" });
  assert.match(await page.locator(".disclaimer").innerText(), /Made-up District's 2023 list/);
  // No cash: the line says which list, by its year and its number of items.
  const items = JSON.parse(fs.readFileSync(path.join(root, "tests/next-year.json"), "utf8")).items.length;
  const none = await openPage(browser, server, profileHash({ members: [{ age: 40, sex: "male" }] }));
  await cashIs(none, "0");
  assert.match(await none.locator(".cash").innerText(), new RegExp(`虚构区2023年民生实事清单的${items}项里`));
  // Its streets and estates are its own: a street 2022's list does not have is offered, with
  // its estate, and a link naming them is read (the profile's places are the list's).
  const form = await openPage(browser, server, "");
  await form.getByLabel("所在街道").selectOption({ label: "新苑街道" });
  await until(form, () => [...document.querySelectorAll("#community option")].some((o) => o.textContent === "虚构花园"), undefined, { what: "the made-up street's estate offered" });
  assert.deepEqual(await form.$$eval("#community option", (os) => os.map((o) => o.textContent).slice(1)), ["虚构花园"], "only the estate on that street");
  const placed = await openPage(browser, server, profileHash({ street: "xinyuan", community: "xugou", members: [{ age: 82, sex: "male" }] }));
  await cashIs(placed, "60");
  assert.equal(await placed.$eval("#street", (s) => s.options[s.selectedIndex].textContent), "新苑街道");
  assert.equal(await placed.$eval("#community", (s) => s.options[s.selectedIndex].textContent), "虚构花园");
  await form.context().close();
  await placed.context().close();
  // The static list is the made-up list's.
  const list = fs.readFileSync(path.join(dir, "list.html"), "utf8");
  assert.match(list, /虚构的下一年清单/);
  await page.context().close();
  await none.context().close();
});
