// Trunk post-build hook: finishes the staged dist/ for old in-app browsers and static hosts.
//
// 1. Trunk's inline loader uses top-level await, which Chromium before 89 (older WeChat cores)
//    and iOS before 15 cannot parse. It is replaced by an external module without it (external,
//    so a Content-Security-Policy of 'self' allows it).
// 2. list.html: the whole catalogue as plain static HTML, generated from the same file the app
//    embeds. It is the page shown where WebAssembly cannot run, and the benchmark's floor.
// 3. The JavaScript build: the same release module translated to JavaScript by binaryen's
//    wasm2js, for engines where WebAssembly is missing or may not compile. boot.js loads it only
//    there; index.html names it in the boot script's data-js-build attribute.
// 4. sw.js: a service worker that keeps the app for offline use, with this build's asset list.
// 5. Every text and wasm asset gets precompressed .br and .gz siblings for the static host.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) { console.error("finish-dist: no TRUNK_STAGING_DIR"); process.exit(1); }
// The JavaScript build's memory: 32 MiB, in 64 KiB pages (the page needs about 1.6 MB).
const MAX_PAGES = 512;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const tools = createRequire(path.join(root, "tools", "package.json"));
const { minify } = await import(tools.resolve("terser"));
const fail = (why) => { console.error(`finish-dist: ${why}`); process.exit(1); };

const indexPath = path.join(dir, "index.html");
let html = fs.readFileSync(indexPath, "utf8");
const loader = /<script type="?module"?>([\s\S]*?\bawait init\([\s\S]*?)<\/script>/.exec(html);
if (!loader) fail("Trunk's module loader was not found in index.html");
const js = /from\s*["'`]([^"'`]+\.js)["'`]/.exec(loader[1]);
const wasm = /module_or_path:\s*["'`]([^"'`]+\.wasm)["'`]/.exec(loader[1]);
if (!js || !wasm) fail("could not read the glue and wasm paths from Trunk's loader");
// Where boot.js chose the JavaScript build, the glue is given no address to fetch: the Wasm is
// not downloaded, and a proxy that blocks .wasm files does not stop the page.
const start = `import init, * as bindings from ${JSON.stringify(js[1])};
init({ module_or_path: window.minshengEngine === "js" ? {} : ${JSON.stringify(wasm[1])} }).then(function (wasm) {
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: wasm } }));
}, function (error) {
  dispatchEvent(new CustomEvent("minsheng-failed", { detail: { error: String(error) } }));
});
`;
const hash = crypto.createHash("sha256").update(start).digest("hex").slice(0, 16);
const startName = `start-${hash}.js`;
fs.writeFileSync(path.join(dir, startName), start);
const base = js[1].slice(0, js[1].lastIndexOf("/") + 1);
html = html.replace(loader[0], `<script type=module src="${base}${startName}"></script>`);
await finishGlue(path.join(dir, path.basename(js[1])), path.join(dir, path.basename(wasm[1])));
const jsBuild = await writeJsBuild(path.join(dir, path.basename(wasm[1])));
const jsBuildName = jsBuild.name;
const bootTag = /<script\b[^>]*\bsrc=["']?[^"' >]*\/boot-[0-9a-f]+\.js["']?[^>]*>/.exec(html);
if (!bootTag) fail("the boot script was not found in index.html");
html = html.replace(bootTag[0], bootTag[0].replace(/>$/, ` data-js-build="${base}${jsBuildName}" data-js-build-integrity="${jsBuild.integrity}">`));
const cspMeta = /<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
if (!cspMeta) fail("index.html has no Content-Security-Policy");
fs.writeFileSync(indexPath, html);
fs.rmSync(path.join(dir, ".trunk-lock"), { force: true });

const catalogue = JSON.parse(fs.readFileSync(path.join(root, "seeds", "jining-hitech-2022.json"), "utf8"));
const css = /href=["']?([^"' >]+\.css)/.exec(html);
if (!css) fail("the stylesheet was not found in index.html");
fs.writeFileSync(path.join(dir, "list.html"), listPage(catalogue, css[1], cspMeta[0]));

// The service worker: precache this build's files (the JavaScript build only where it runs);
// pages from the cache at once, revalidated in the background; hashed assets cache-first.
const assets = fs.readdirSync(dir).filter((f) => /\.(html|js|wasm|css|svg)$/.test(f) && f !== "sw.js" && f !== jsBuildName);
const version = crypto.createHash("sha256").update(assets.sort().join("\n")).digest("hex").slice(0, 16);
// Minified: the browser fetches it on the first visit too (-0.4 KB brotli); readable above.
const sw = serviceWorker(version, ["./", ...assets.filter((f) => f !== "index.html")], [jsBuildName]);
fs.writeFileSync(path.join(dir, "sw.js"), (await minify(sw, { ecma: 2017, compress: true, mangle: { toplevel: true } })).code);

checkSyntax();
for (const name of fs.readdirSync(dir)) {
  if (!/\.(html|js|wasm|css|svg|json|webmanifest)$/.test(name)) continue;
  const file = path.join(dir, name);
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(file + ".br", zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
  fs.writeFileSync(file + ".gz", zlib.gzipSync(bytes, { level: 9 }));
}
console.log(`finish-dist: loader ${startName}; .br and .gz written`);

/**
 * The glue and the Wasm, made smaller together, then the glue made to parse on older engines.
 *
 * 1. Short import names. wasm-bindgen names each of the module's ~140 imports from JavaScript
 *    like `__wbg_addEventListener_847fd86b8c33ec43`: the hash is random to a compressor, and
 *    each name is written twice, in the Wasm's import section and as a key of the glue's import
 *    object. Both get the same short name (`a`, `b`, … `aa`); each old name must be found once
 *    in the glue, or the build stops. (-3.3 KB brotli, measured.)
 * 2. wasm-bindgen's glue uses two pieces of syntax newer than ES2017: optional chaining
 *    (Chromium 80, iOS 13.4) in its debug formatting, and `import.meta.url` (Chromium 64,
 *    iOS 12) for the default address of the Wasm, which the page never uses (start.js always
 *    passes it; the page's address stands in). Without them the glue parses on every engine
 *    with module scripts (Chromium 61, iOS 11).
 * 3. terser, as a module: Trunk's minifier keeps the glue's top-level names. (-0.4 KB brotli.)
 *
 * The preloads' integrity values follow the new bytes. The files keep Trunk's names: the new
 * bytes are a function of the old, so a name still changes exactly when the content does.
 */
async function finishGlue(glueFile, wasmFile) {
  const names = new Map();
  const exported = new Map();
  const wasmBytes = rewriteWasm(fs.readFileSync(wasmFile), {
    importField: (field) => {
      if (!/^__wb/.test(field)) return field;
      if (!names.has(field)) names.set(field, shortName(names.size));
      return names.get(field);
    },
    // The closures' entry points carry a hash too: `_` and a short name (no other export starts
    // with `_` and a letter).
    exportName: (name) => {
      if (!/^wasm_bindgen__convert__closures_+invoke__h[0-9a-f]+$/.test(name)) return name;
      if (!exported.has(name)) exported.set(name, "_" + shortName(exported.size));
      return exported.get(name);
    },
    // Who built the module, and its features: nothing the browser reads.
    dropCustom: new Set(["producers", "target_features"]),
  });
  let glue = fs.readFileSync(glueFile, "utf8");
  for (const [long, short] of names) {
    const key = new RegExp(`(?<=[{,]"?)${long}(?="?:)`, "g");
    const found = (glue.match(key) || []).length;
    if (found !== 1) fail(`the import ${long} is in the glue's import object ${found} times, not once`);
    glue = glue.replace(key, short);
    if (glue.includes(long)) fail(`the import ${long} is named outside the glue's import object`);
  }
  for (const [long, short] of exported) {
    // The glue calls it as `wasm.<name>`, from a function of its own of the same name, a
    // module-local name the minifier shortens.
    const use = new RegExp(`\\bwasm\\.${long}\\b`, "g");
    if (!(glue.match(use) || []).length) fail(`the export ${long} is not called by the glue`);
    glue = glue.replace(use, "wasm." + short);
    if (new RegExp(`\\.${long}\\b|["']${long}["']`).test(glue)) fail(`the export ${long} is reached in the glue other than as wasm.${long}`);
  }
  glue = glue.replace(/(\/\\\[object \(\[\^\\\]\]\+\)\\\]\/\.exec\(\w+\))\?\.\[1\]/g, "($1||[])[1]").replace(/\bimport\.meta\.url\b/g, "location.href");
  glue = (await minify(glue, { module: true, ecma: 2017, compress: true, mangle: true })).code;
  fs.writeFileSync(wasmFile, wasmBytes);
  fs.writeFileSync(glueFile, glue);
  setIntegrity(glueFile, glue);
  setIntegrity(wasmFile, wasmBytes);
}

/** `a` … `Z`, then `aa`, `ab`, …: the i-th short name. */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return i < letters.length ? letters[i] : shortName(Math.floor(i / letters.length) - 1) + letters[i % letters.length];
}

/** The preload of `file` in index.html gets the integrity of `bytes`. */
function setIntegrity(file, bytes) {
  const name = path.basename(file);
  const tag = new RegExp(`<link\\b[^>]*\\b${name.replace(/[.-]/g, "\\$&")}[^>]*>`).exec(html);
  if (!tag || !/integrity=/.test(tag[0])) fail(`the preload of ${name} (with its integrity) was not found in index.html`);
  html = html.replace(tag[0], tag[0].replace(/integrity=("?)sha384-[^" >]+\1/, `integrity=$1${integrity(bytes)}$1`));
}

/**
 * The Wasm module `bytes` with each import's field name replaced by `importField(field)`, each
 * export's name by `exportName(name)`, and the custom sections named in `dropCustom` left out;
 * every other byte as it was. The import and export sections are read by the binary format's
 * rules, and rewritten with their new lengths.
 */
function rewriteWasm(bytes, { importField, exportName, dropCustom }) {
  const leb = (pos) => {
    let value = 0, shift = 0, byte;
    do {
      byte = bytes[pos++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return [value >>> 0, pos];
  };
  const uleb = (n) => {
    const out = [];
    do {
      let byte = n & 0x7f;
      n >>>= 7;
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    return Buffer.from(out);
  };
  const name = (text) => {
    const b = Buffer.from(text, "utf8");
    return [uleb(b.length), b];
  };
  const parts = [bytes.subarray(0, 8)];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, contentStart] = leb(pos + 1);
    const end = contentStart + size;
    let [count, q] = leb(contentStart);
    const str = () => {
      const [n, at] = leb(q);
      q = at + n;
      return bytes.subarray(at, q).toString("utf8");
    };
    if (id === 0) {
      // A custom section: its name, then anything.
      q = contentStart;
      if (!dropCustom.has(str())) parts.push(bytes.subarray(pos, end));
      pos = end;
      continue;
    }
    if (id === 7) {
      const body = [uleb(count)];
      for (let i = 0; i < count; i++) {
        const exported = str();
        const desc = q;
        q++; // kind
        [, q] = leb(q); // index
        body.push(...name(exportName(exported)), bytes.subarray(desc, q));
      }
      if (q !== end) fail("wasm: the export section's length does not match its exports");
      const content = Buffer.concat(body);
      parts.push(Buffer.from([7]), uleb(content.length), content);
      pos = end;
      continue;
    }
    if (id !== 2) {
      parts.push(bytes.subarray(pos, end));
      pos = end;
      continue;
    }
    const limits = () => {
      const flags = bytes[q++];
      [, q] = leb(q);
      if (flags & 1) [, q] = leb(q);
    };
    const body = [uleb(count)];
    for (let i = 0; i < count; i++) {
      const module = str();
      const field = str();
      const desc = q;
      const kind = bytes[q++];
      if (kind === 0) [, q] = leb(q); // function: its type
      else if (kind === 1) { q++; limits(); } // table: element type, limits
      else if (kind === 2) limits(); // memory
      else if (kind === 3) q += 2; // global: value type, mutability
      else fail(`wasm: an import of unknown kind ${kind}`);
      body.push(...name(module), ...name(importField(field)), bytes.subarray(desc, q));
    }
    if (q !== end) fail("wasm: the import section's length does not match its imports");
    const content = Buffer.concat(body);
    parts.push(Buffer.from([2]), uleb(content.length), content);
    pos = end;
  }
  return Buffer.concat(parts);
}

/** A Subresource Integrity value for these bytes. */
function integrity(bytes) {
  return "sha384-" + crypto.createHash("sha384").update(bytes).digest("base64");
}

/** Every script the page runs must parse as ES2017 (scripts and modules as shipped). */
function checkSyntax() {
  const acorn = tools("acorn");
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const module = !/^(boot-|jsbuild-|sw\.js)/.test(name);
    const code = fs.readFileSync(path.join(dir, name), "utf8");
    try {
      acorn.parse(code, { ecmaVersion: 2017, sourceType: module ? "module" : "script" });
    } catch (e) {
      fail(`${name} is not ES2017 (older in-app browsers could not run it): ${e.message} at ${JSON.stringify(code.slice(e.pos - 60, e.pos + 20))}`);
    }
  }
}

/**
 * The JavaScript build of the module at `wasmFile`: wasm2js (optimising for size), then wrapped
 * as a classic script that sets `self.minshengAsm` to a function from the wasm-bindgen imports
 * to the module's exports, then minified by terser. Returns its file name and integrity.
 *
 * Before translation, wasm-opt lowers accesses whose alignment hint is below natural (wasm2js
 * assumes every access is as aligned as its hint says).
 *
 * One change to wasm2js's memory: it is one ArrayBuffer of MAX_PAGES from the start, and
 * memory.grow only moves the size within it. wasm2js grows by replacing the buffer, and it
 * sometimes reads a typed-array view before evaluating an index that calls a function that grows
 * memory: that load then reads the old buffer (found as a lost byte in the result JSON). With
 * one buffer, every view stays valid; the glue's cached views too. The page peaks near 1.6 MB.
 * `self.minshengAsmPages` says how far it has grown (the tests check that it did).
 */
async function writeJsBuild(wasmFile) {
  const bin = (name) => path.join(root, "tools", "node_modules", ".bin", name);
  const features = ["--enable-bulk-memory", "--enable-mutable-globals", "--enable-sign-ext", "--enable-nontrapping-float-to-int"];
  const lowered = path.join(path.dirname(dir), `.jsbuild-${process.pid}.wasm`);
  execFileSync(bin("wasm-opt"), [wasmFile, "--alignment-lowering", ...features, "-o", lowered]);
  let raw;
  try {
    raw = execFileSync(bin("wasm2js"), [lowered, "-Oz", ...features], { maxBuffer: 1 << 28, encoding: "utf8" });
  } finally {
    fs.rmSync(lowered, { force: true });
  }
  const lines = raw.split("\n");
  if (!/^import \* as \S+ from '\.\/[\w-]+_bg\.js';$/.test(lines[0])) fail("wasm2js: unexpected first line");
  const tail = lines.findIndex((l) => l.startsWith("var retasmFunc = asmFunc("));
  if (tail < 0) fail("wasm2js: the module's instantiation was not found");
  let body = lines.slice(1, tail).join("\n");
  const once = (pattern, replacement, what) => {
    const found = body.match(new RegExp(pattern.source, "g"));
    if (!found || found.length !== 1) fail(`wasm2js: ${what} was not found once`);
    body = body.replace(pattern, replacement);
  };
  once(/var buffer = new ArrayBuffer\((\d+)\);/, (_, bytes) => `var pages = ${Number(bytes) / 65536};\n var buffer = new ArrayBuffer(${MAX_PAGES * 65536});`, "the memory");
  once(/function __wasm_memory_size\(\) \{\n  return buffer\.byteLength >> 16;\n \}/, "function __wasm_memory_size() {\n  return pages;\n }", "memory.size");
  once(/function __wasm_memory_grow\(pagesToAdd\) \{[\s\S]*?\n  return oldPages;\n \}/, `function __wasm_memory_grow(pagesToAdd) {
  pagesToAdd = pagesToAdd | 0;
  var oldPages = pages;
  var newPages = oldPages + pagesToAdd | 0;
  if (pagesToAdd < 0 || newPages > ${MAX_PAGES}) return -1;
  pages = newPages;
  self.minshengAsmPages = pages;
  return oldPages;
 }`, "memory.grow");
  const script = `(function () {
"use strict";
${body}
self.minshengAsm = asmFunc;
})();
`;
  const minified = (await minify(script, { ecma: 5, compress: true, mangle: true })).code;
  const name = `jsbuild-${crypto.createHash("sha256").update(minified).digest("hex").slice(0, 16)}.js`;
  fs.writeFileSync(path.join(dir, name), minified);
  return { name, integrity: integrity(minified) };
}

function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** The service worker for this build's files. */
function serviceWorker(version, assets, onUse) {
  return `// Generated by scripts/finish-dist.mjs for this build. Caches only the app's own files.
"use strict";
const CACHE = "minsheng-${version}";
const ASSETS = ${JSON.stringify(assets)};
// Not precached where the Wasm runs, kept if ever fetched (the JavaScript build).
const ON_USE = ${JSON.stringify(onUse)};
// boot.js registers "sw.js?engine=js" where the JavaScript build runs: keep it, not the Wasm.
const JS_ENGINE = new URL(self.location.href).searchParams.get("engine") === "js";
const PRECACHE = JS_ENGINE ? ASSETS.filter((name) => !name.endsWith(".wasm")).concat(ON_USE) : ASSETS;
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((name) => new Request(name, { cache: "reload" })))).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("minsheng-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // A returning resident gets the kept page at once, without waiting for the network; the
    // server is asked in the background (revalidating), and the browser's check of sw.js brings
    // a new release, seen from the next visit.
    const fresh = fetch(request, { cache: "no-cache" }).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        return caches.open(CACHE).then((cache) => cache.put(url.pathname, copy)).then(() => response);
      }
      return response;
    });
    event.waitUntil(fresh.catch(() => {}));
    event.respondWith(
      caches.match(url.pathname)
        .then((hit) => hit || fresh)
        .catch(() => caches.match("./"))
    );
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((response) => {
    if (response.ok && ON_USE.some((name) => url.pathname.endsWith("/" + name))) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  })));
});
`;
}

/** The catalogue as one static page: every item, its programme, summary, deadline, departments and source text. */
function listPage(c, cssHref, cspMeta) {
  const programme = new Map(c.programmes.map((p) => [p.number, p]));
  const items = c.items.map((it) => {
    const deps = [it.lead.join("、"), it.partners.join("、")].filter(Boolean).join("；协办 ");
    return `<article class="card" id="item-${it.item}" data-item="${it.item}">
<h3>${it.item}. ${esc(it.title.zh)} <span lang="en">${esc(it.title.en)}</span></h3>
<p class="summary">${esc(it.summary.zh)}</p>
<p class="summary" lang="en">${esc(it.summary.en)}</p>
<p class="dept"><strong>负责部门：</strong>主办 ${esc(deps)}</p>
<p class="deadline"><strong>完成期限：</strong>${esc(c.year)}年${esc(it.deadline)}</p>
<details><summary>原文</summary><blockquote>${esc(it.item)}、${esc(it.text)}</blockquote></details>
</article>`;
  });
  const byProgramme = [];
  let last = null;
  c.items.forEach((it, i) => {
    if (it.programme !== last) {
      const p = programme.get(it.programme);
      byProgramme.push(`<h2>${esc(p ? p.title : it.programme)} <span lang="en">${esc(p ? p.en : "")}</span></h2>`);
      last = it.programme;
    }
    byProgramme.push(items[i]);
  });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${cspMeta}
<title>${esc(c.name.zh)} · 全部${c.items.length}项</title>
<link rel="stylesheet" href="${esc(cssHref)}">
</head>
<body>
<header class="top"><h1>${esc(c.name.zh)}</h1></header>
<main class="page">
<div class="notice only-target" id="nowasm" role="alert">
<p><strong>您的浏览器无法运行“民生实事查询”的计算功能。</strong>请用手机自带的浏览器（或把微信更新到最新版本）重新打开本页，或到社区服务台请工作人员帮您查询。下面是全部${c.items.length}项民生实事，您也可以直接阅读。</p>
<p lang="en">Your browser cannot run the calculator. Open this page in your phone's own browser (or update WeChat), or ask at your neighbourhood service desk. All ${c.items.length} measures are listed below.</p>
</div>
<div class="notice only-target" id="failed" role="alert">
<p><strong>“民生实事查询”没有完整加载，可能是网络不稳定。</strong>请检查网络后<a href="./">重新打开查询页面</a>，或到社区服务台请工作人员帮您查询。下面是全部${c.items.length}项民生实事，您也可以直接阅读。</p>
<p lang="en">The calculator did not load completely, perhaps because the network is unsteady. Check the connection and <a href="./">open the calculator again</a>, or ask at your neighbourhood service desk. All ${c.items.length} measures are listed below.</p>
</div>
<p class="intro">${esc(c.name.zh)}，共${c.items.length}项。能否享受、具体金额，以负责部门的审核为准。<span lang="en">${esc(c.name.en)}: all ${c.items.length} items. The responsible department decides who qualifies.</span></p>
<p><a href="./">返回查询页面 · Back to the calculator</a></p>
${byProgramme.join("\n")}
</main>
</body>
</html>
`;
}
