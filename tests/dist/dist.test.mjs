// Each finishing step of the release build (scripts/dist/), on a small fixture.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { bin, features, glueFixture, indexFixture, tools, wasmFixture } from "./fixtures.mjs";
import { BuildError } from "../../scripts/dist/fail.mjs";
import { contentName, forList, integrity, markBoot, replaceLoader, setIntegrity, cspMeta, stylesheet } from "../../scripts/dist/html.mjs";
import { lowerGlue, minifyNames, renameInGlue } from "../../scripts/dist/names.mjs";
import { wrapWasm2js } from "../../scripts/dist/jsbuild.mjs";
import { listPage } from "../../scripts/dist/list.mjs";
import { serviceWorker } from "../../scripts/dist/worker.mjs";
import { checkSyntax } from "../../scripts/dist/syntax.mjs";
import { compressAll } from "../../scripts/dist/compress.mjs";
import { withFirst } from "../../scripts/dist/first.mjs";
import { knownOffices, officesScript, withOffices } from "../../scripts/dist/offices.mjs";

const acorn = tools("acorn");
const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "minsheng-dist-"));

test("the loader: Trunk's top-level await replaced by start.js, which parses as ES2017", () => {
  const page = replaceLoader(indexFixture);
  assert.doesNotMatch(page.html, /await init/);
  assert.match(page.html, new RegExp(`<script type=module src="/${page.start.name}"></script>`));
  assert.equal(page.glue, "/app-0011223344556677.js");
  assert.equal(page.wasm, "/app-0011223344556677_bg.wasm");
  assert.match(page.start.text, /from "\/app-0011223344556677\.js"/);
  assert.match(page.start.text, /: "\/app-0011223344556677_bg\.wasm"/);
  acorn.parse(page.start.text, { ecmaVersion: 2017, sourceType: "module" });
  assert.throws(() => replaceLoader("<html></html>"), BuildError);
});

test("a finished file is named by its finished bytes: new bytes, new name; the same bytes, the same name", () => {
  const a = contentName("app-0011223344556677_bg.wasm", Buffer.from("one"));
  assert.match(a, /^app-[0-9a-f]{16}_bg\.wasm$/);
  assert.notEqual(a, "app-0011223344556677_bg.wasm");
  assert.equal(contentName("app-ffffffffffffffff_bg.wasm", Buffer.from("one")), a, "Trunk's hash plays no part");
  assert.notEqual(contentName("app-0011223344556677_bg.wasm", Buffer.from("two")), a);
  assert.match(contentName("app-0011223344556677.js", "glue"), /^app-[0-9a-f]{16}\.js$/);
  assert.throws(() => contentName("app.js", "x"), BuildError);
});

test("the first questions: the app's header and greeting replace index.html's, its form goes first in .columns", () => {
  const html = '<div id=app><header class=top><h1>Old</h1></header><main class=page><p class=intro>Old words</p><div class=columns><div class=wait>Loading</div></div></main></div>';
  const out = withFirst(html, { header: '<header class="top"><h1>New</h1><div class="tools" inert></div></header>', intro: '<p class="intro">New words</p>', form: '<form class="questions"><input id="m0-age"></form>' });
  assert.equal(out, '<div id=app><header class="top"><h1>New</h1><div class="tools" inert></div></header><main class=page><p class="intro">New words</p><div class=columns><form class="questions"><input id="m0-age"></form><div class=wait>Loading</div></div></main></div>');
  assert.throws(() => withFirst("<div id=app></div>", { header: "", intro: "", form: "" }), BuildError);
});

test("the page's tags: the JavaScript build named on the boot script, integrity following the bytes", () => {
  let html = markBoot(indexFixture, { "data-js-build": "/jsbuild-1.js", "data-js-build-integrity": "sha384-X", "data-wasm-bytes": 1234 });
  assert.match(html, /boot-0011223344556677\.js" data-js-build="\/jsbuild-1\.js" data-js-build-integrity="sha384-X" data-wasm-bytes="1234">/);
  html = setIntegrity(html, "app-0011223344556677_bg.wasm", Buffer.from("new"));
  assert.match(html, new RegExp(`_bg\\.wasm" crossorigin integrity="${integrity(Buffer.from("new")).replace(/[+/]/g, "\\$&")}"`));
  assert.throws(() => setIntegrity(html, "missing.js", "x"), BuildError);
  assert.equal(stylesheet(html), "/style-0011223344556677.css");
  assert.match(cspMeta(html), /Content-Security-Policy/);
});

test("names: binaryen shortens imports, modules and exports, and the glue follows", () => {
  const dir = scratch();
  const { bytes, closure } = wasmFixture();
  const file = path.join(dir, "app_bg.wasm");
  fs.writeFileSync(file, bytes);
  const renamed = minifyNames(file, { wasmOpt: bin("wasm-opt"), features });
  const module = new WebAssembly.Module(fs.readFileSync(file));
  const imports = WebAssembly.Module.imports(module);
  assert.equal(imports.length, 2);
  for (const i of imports) assert.ok(i.module.length <= 2 && i.name.length <= 2, JSON.stringify(i));
  assert.equal(renamed.modules.get("./app_bg.js"), imports[0].module);
  assert.equal(renamed.imports.get("__wbg_log_0123456789abcdef"), imports[0].name);
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  assert.ok(exports.every((n) => n.length <= 2), exports.join());
  assert.ok(renamed.exports.has(closure));
  assert.ok(fs.readFileSync(file).length < bytes.length);
  assert.ok(!fs.readFileSync(file).includes("producers"), "the producers section is gone");

  const glue = lowerGlue(renameInGlue(glueFixture(closure), renamed));
  assert.doesNotMatch(glue, /__wbg_log|app_bg\.js"|closures|__wbindgen_start|wasm\.memory/);
  assert.match(glue, new RegExp(`wasm\\.${renamed.exports.get("memory")}\\.buffer`));
  acorn.parse(glue, { ecmaVersion: 2017, sourceType: "module" });
  // The renamed glue instantiates the renamed module: every import is found where it is looked for.
  const object = new Function(`${glue.replace(/export default[\s\S]*/, "")}; return __wbg_get_imports();`)();
  new WebAssembly.Instance(module, object);
});

test("names: a glue that names an import twice, or a module nowhere, stops the build", () => {
  const { closure } = wasmFixture();
  const renamed = { modules: new Map([["./app_bg.js", "a"]]), imports: new Map([["__wbg_log_0123456789abcdef", "a"]]), exports: new Map() };
  const twice = glueFixture(closure).replace("__wbg_now_fedcba9876543210: function", "__wbg_log_0123456789abcdef: function");
  assert.throws(() => renameInGlue(twice, renamed), /2 times, not once/);
  const other = glueFixture(closure) + "\nconsole.log(import0.__wbg_log_0123456789abcdef);";
  assert.throws(() => renameInGlue(other, renamed), /named outside/);
  const noModule = glueFixture(closure).replace('"./app_bg.js": import0', '"./other.js": import0');
  assert.throws(() => renameInGlue(noModule, renamed), /module \.\/app_bg\.js is a key of the glue's imports 0 times/);
  const exported = { modules: new Map(), imports: new Map(), exports: new Map([["memory", "a"]]) };
  assert.throws(() => renameInGlue("x = exports.memory;", exported), /reached in the glue other than/);
});

test("the JavaScript build: wasm2js's memory made one buffer that never moves", () => {
  const raw = `import * as a from 'a';

function asmFunc(imports) {
 var buffer = new ArrayBuffer(1114112);
 function __wasm_memory_size() {
  return buffer.byteLength >> 16;
 }
 function __wasm_memory_grow(pagesToAdd) {
  pagesToAdd = pagesToAdd | 0;
  var oldPages = __wasm_memory_size() | 0;
  var newPages = oldPages + pagesToAdd | 0;
  return oldPages;
 }
 return { grow: __wasm_memory_grow, size: __wasm_memory_size };
}
var retasmFunc = asmFunc({ a: a });
export var memory = retasmFunc.memory;`;
  const script = wrapWasm2js(raw, 4);
  acorn.parse(script, { ecmaVersion: 5, sourceType: "script" });
  const self = {};
  new Function("self", script)(self);
  const asm = self.minshengAsm({});
  assert.equal(asm.size(), 17);
  assert.equal(asm.grow(1), -1, "beyond the fixed memory: refused");
  assert.throws(() => wrapWasm2js("not wasm2js"), /unexpected first line/);
  assert.throws(() => wrapWasm2js(raw.replace(/var buffer[^\n]*/, "")), /the memory was not found once/);
});

test("list.html: every item of the catalogue, its text escaped, with the page's CSP and styles", () => {
  const catalogue = {
    year: 2022, name: { zh: "测试清单", en: "A test list" },
    programmes: [{ number: 1, title: "一", en: "One" }],
    items: [
      { item: 1, programme: 1, title: { zh: "甲", en: "A" }, summary: { zh: "<b>", en: "x & y" }, text: "原文", deadline: "年底", lead: ["局"], partners: [] },
      { item: 2, programme: 1, title: { zh: "乙", en: "B" }, summary: { zh: "z", en: "z" }, text: "原文二", deadline: "9月", lead: ["局"], partners: ["街道"] },
    ],
  };
  const page = listPage(catalogue, "/style.css", '<meta http-equiv="Content-Security-Policy" content="x">');
  assert.equal((page.match(/data-item="/g) || []).length, 2);
  assert.match(page, /&lt;b&gt;/);
  assert.match(page, /x &amp; y/);
  assert.match(page, /共2项/);
  assert.match(page, /2022年9月/);
  assert.match(page, /Content-Security-Policy/);
  assert.match(page, /href="\/style\.css"/);
});

test("sw.js: this build's files and cache name filled in; it parses as a classic ES2017 script", () => {
  const a = serviceWorker(["./", "app.wasm", "app.js"], ["jsbuild.js"]);
  const b = serviceWorker(["./", "app.wasm", "app2.js"], ["jsbuild.js"]);
  acorn.parse(a, { ecmaVersion: 2017, sourceType: "script" });
  assert.match(a, /"assets":\["\.\/","app\.wasm","app\.js"\]/);
  assert.match(a, /"onUse":\["jsbuild\.js"\]/);
  const cache = (s) => /"cache":"(minsheng-[0-9a-f]{16})"/.exec(s)[1];
  assert.notEqual(cache(a), cache(b), "a new build is a new cache");
  assert.equal(cache(a), cache(serviceWorker(["./", "app.wasm", "app.js"], ["jsbuild.js"])));
});

test("the syntax check refuses a script newer than ES2017; compression writes .br and .gz that read back", () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, "ok.js"), "export const a = 1;");
  checkSyntax(dir, acorn);
  fs.writeFileSync(path.join(dir, "new.js"), "const a = b?.c;");
  assert.throws(() => checkSyntax(dir, acorn), /new\.js is not ES2017/);
  fs.rmSync(path.join(dir, "new.js"));
  compressAll(dir);
  assert.equal(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, "ok.js.br"))).toString(), "export const a = 1;");
  assert.equal(zlib.gunzipSync(fs.readFileSync(path.join(dir, "ok.js.gz"))).toString(), "export const a = 1;");
});

test("the office directory: a made-up file becomes tab-separated lines in the page; a bad one is refused by its field", () => {
  const known = knownOffices({ items: [{ lead: ["发展软环境保障局"], partners: ["各街道", "财政金融局"] }] });
  assert.ok(known.has("接庄街道办事处") && known.has("发展软环境保障局") && known.has("财政金融局"));
  assert.ok(!known.has("各街道"), "各街道 is no office");
  const script = officesScript(JSON.stringify({ offices: [
    { name: "接庄街道办事处", address: "示例路1号（测试用）", phone: "0000-0000000", hours: null },
    { name: "发展软环境保障局", hours: "周一至周五" },
  ] }), known);
  assert.equal(script, '<script type="text/plain" id="offices">\n接庄街道办事处\t示例路1号（测试用）\t0000-0000000\t\n发展软环境保障局\t\t\t周一至周五\n</script>');
  assert.match(withOffices("<html><body><p>x</p></body></html>", script), /<p>x<\/p><script type="text\/plain" id="offices">[^]*<\/script>\n<\/body>/);
  const refused = (doc, message) => assert.throws(() => officesScript(typeof doc === "string" ? doc : JSON.stringify(doc), known), (e) => e instanceof BuildError && e.message.includes(message), message);
  refused("{", "not JSON");
  refused({ offices: [{ name: "接庄街道办事处", fax: "1" }] }, "offices[0].fax: is not a known field");
  refused({ offices: [{ name: "接庄街道办事处", phone: 5 }] }, "offices[0].phone: must be text");
  refused({ offices: [{ name: "接庄街道办事处", address: "a\tb" }] }, "offices[0].address: must be one line");
  refused({ offices: [{ phone: "1" }] }, "offices[0].name: must name the office");
  refused({ offices: [{ name: "接庄街道" }] }, "offices[0].name: is no office the page names");
  refused({ office: [] }, '"office": is not a known field');
});

test("the page's static words name the list's district and year, from the list; a page without the places stops the build", () => {
  const next = JSON.parse(fs.readFileSync(new URL("../next-year.json", import.meta.url), "utf8"));
  const html = forList("<title>民生实事查询 · {d}{y}</title><p class=intro>看看{d}{y}年的民生实事</p>", next);
  assert.equal(html, "<title>民生实事查询 · 虚构区2023</title><p class=intro>看看虚构区2023年的民生实事</p>");
  assert.throws(() => forList("<title>民生实事查询 · 济宁高新区2022</title>", next), BuildError);
});
