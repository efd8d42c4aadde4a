// Trunk post-build hook: finishes the staged dist/ for old in-app browsers and static hosts.
//
// 1. Trunk's inline loader uses top-level await, which Chromium before 89 (older WeChat cores)
//    and iOS before 15 cannot parse. It is replaced by an external module without it (external,
//    so a Content-Security-Policy of 'self' allows it).
// 2. Every text and wasm asset gets precompressed .br and .gz siblings for the static host.
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
