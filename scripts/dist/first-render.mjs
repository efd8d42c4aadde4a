// Runs the built page once, in a DOM of its own (happy-dom), as a first visit in Chinese at the
// normal text size: a fresh address, nothing kept. Prints, as JSON, what the page drew first:
// its header (the tools marked `inert`, as they do nothing until the app runs), its greeting,
// and its form cut to the heading and the first member's questions, `hidden` (boot.js shows it
// where it is the reader's). A process of its own, so
// the shim's globals never meet the build's other steps (scripts/dist/first.mjs calls it).
//
//   node scripts/dist/first-render.mjs GLUE.js MODULE.wasm
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { tools } from "./tools.mjs";

const [glueFile, wasmFile] = process.argv.slice(2);
const { Window } = await import(tools.resolve("happy-dom"));
const window = new Window({ url: "https://localhost/", width: 375, height: 667 });
window.document.write('<!doctype html><html lang="zh-CN"><head></head><body><div id="app"></div></body></html>');
// What the glue and the app find in a browser page: its globals.
globalThis.self = window;
for (const key of Object.getOwnPropertyNames(window)) {
  if (!(key in globalThis)) {
    try {
      globalThis[key] = window[key];
    } catch (e) {
      // A getter that needs its own `this`: not used by the page.
    }
  }
}
for (const key of ["window", "document", "navigator", "location", "history", "localStorage", "sessionStorage"]) {
  Object.defineProperty(globalThis, key, { value: window[key], configurable: true, writable: true });
}
globalThis.Window = window.constructor;

const fail = (why) => {
  process.stderr.write(`first-render: ${why}\n`);
  process.exit(1);
};
const glue = await import(pathToFileURL(glueFile).href);
await glue.default({ module_or_path: fs.readFileSync(wasmFile) });
const document = window.document;
// Yew draws in a microtask after the start: wait for the first member's questions.
for (let i = 0; i < 100 && !document.querySelector("#app [data-member-form]"); i++) await new Promise((r) => setTimeout(r, 20));
const app = document.getElementById("app");
const header = app.querySelector("header.top");
const intro = app.querySelector("p.intro");
const form = app.querySelector("form.questions");
const member = form && form.querySelector('fieldset[data-member-form="0"]');
const heading = form && form.querySelector("#form-heading");
if (!header || !intro || !member || !heading) fail("the page did not draw its header, greeting, form heading and first member's questions");
const tools_ = header.querySelector(".tools");
if (tools_) tools_.setAttribute("inert", "");
for (const child of [...form.children]) if (child !== heading && child !== member) child.remove();
// Hidden until boot.js knows they are this reader's (no link's answers, no kept ones, not English).
form.setAttribute("hidden", "");
// Boolean attributes as HTML writes them.
const html = (el) => el.outerHTML.replace(/ (selected|checked|disabled|inert|hidden)="[^"]*"/g, " $1");
process.stdout.write(JSON.stringify({ header: html(header), intro: html(intro), form: html(form) }));
process.exit(0);
