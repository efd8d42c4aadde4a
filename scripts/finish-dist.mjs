// Trunk post-build hook: finishes the staged dist/ for old in-app browsers and static hosts.
//
// 1. Trunk's inline loader uses top-level await, which Chromium before 89 (older WeChat cores)
//    and iOS before 15 cannot parse. It is replaced by an external module without it (external,
//    so a Content-Security-Policy of 'self' allows it).
// 2. list.html: the whole catalogue as plain static HTML, generated from the same file the app
//    embeds. It is the page shown where WebAssembly cannot run, and the benchmark's floor.
// 3. Every text and wasm asset gets precompressed .br and .gz siblings for the static host.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) { console.error("finish-dist: no TRUNK_STAGING_DIR"); process.exit(1); }
const fail = (why) => { console.error(`finish-dist: ${why}`); process.exit(1); };

const indexPath = path.join(dir, "index.html");
let html = fs.readFileSync(indexPath, "utf8");
const loader = /<script type="?module"?>([\s\S]*?\bawait init\([\s\S]*?)<\/script>/.exec(html);
if (!loader) fail("Trunk's module loader was not found in index.html");
const js = /from\s*["'`]([^"'`]+\.js)["'`]/.exec(loader[1]);
const wasm = /module_or_path:\s*["'`]([^"'`]+\.wasm)["'`]/.exec(loader[1]);
if (!js || !wasm) fail("could not read the glue and wasm paths from Trunk's loader");
const start = `import init, * as bindings from ${JSON.stringify(js[1])};
init({ module_or_path: ${JSON.stringify(wasm[1])} }).then(function (wasm) {
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
fs.writeFileSync(indexPath, html);
fs.rmSync(path.join(dir, ".trunk-lock"), { force: true });

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const catalogue = JSON.parse(fs.readFileSync(path.join(root, "seeds", "jining-hitech-2022.json"), "utf8"));
const css = /href=["']?([^"' >]+\.css)/.exec(html);
if (!css) fail("the stylesheet was not found in index.html");
fs.writeFileSync(path.join(dir, "list.html"), listPage(catalogue, css[1]));

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

function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** The catalogue as one static page: every item, its programme, summary, deadline, departments and source text. */
function listPage(c, cssHref) {
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
<p class="intro">${esc(c.name.zh)}，共${c.items.length}项。能否享受、具体金额，以负责部门的审核为准。<span lang="en">${esc(c.name.en)}: all ${c.items.length} items. The responsible department decides who qualifies.</span></p>
<p><a href="./">返回查询页面 · Back to the calculator</a></p>
${byProgramme.join("\n")}
</main>
</body>
</html>
`;
}
