// Trunk's post-build hook: finishes the staged dist/ for old in-app browsers and static hosts.
// Each job is a module of scripts/dist/, tested on a small fixture (tests/dist/):
//
// 1. html.mjs, start.js: Trunk's inline loader uses top-level await, which Chromium before 89
//    (older WeChat cores) and iOS before 15 cannot parse; it is replaced by start.js, external
//    so a Content-Security-Policy of 'self' allows it.
// 2. names.mjs: short names for the Wasm's imports and exports (binaryen's pass) and the glue
//    rewritten to match; the glue lowered to ES2017 and minified as a module by terser.
// 3. jsbuild.mjs: the JavaScript build, wasm2js of the same module.
// 4. first.mjs: the app's own first questions put into index.html, drawn by the built page run
//    once in a DOM of its own (first-render.mjs), so the resident answers them while the
//    calculator downloads (boot.js hands them over).
// 5. list.mjs: list.html, the catalogue as static HTML; texts.mjs: the texts shown only inside
//    a fold (summaries, source texts), fetched when a fold shows one.
// 6. worker.mjs, sw.js: the service worker with this build's files.
// 7. offices.mjs: the district's office directory (offices.json beside the list), where a deployer
//    gave one.
// 8. syntax.mjs: every script checked to parse as ES2017; compress.mjs: .br and .gz copies.
//
// The files these steps rewrite (the glue, the Wasm, the loader) are named by their finished
// bytes, so a name changes exactly when the content does, whether the code or the finishing
// changed; the preloads' integrity follows the new bytes.
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "./dist/fail.mjs";
import { contentName, cspMeta, forList, integrity, loaderName, markBoot, replaceLoader, setIntegrity, stylesheet } from "./dist/html.mjs";
import { lowerGlue, minifyNames, optimizeAgain, renameInGlue } from "./dist/names.mjs";
import { jsBuild } from "./dist/jsbuild.mjs";
import { renderFirst, withFirst } from "./dist/first.mjs";
import { listPage } from "./dist/list.mjs";
import { textsFile } from "./dist/texts.mjs";
import { serviceWorker } from "./dist/worker.mjs";
import { checkSyntax } from "./dist/syntax.mjs";
import { compressAll } from "./dist/compress.mjs";
import { knownOffices, officesScript, withOffices } from "./dist/offices.mjs";
import { bin, features, root, tools } from "./dist/tools.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];

try {
  if (!dir) throw new BuildError("finish-dist: no TRUNK_STAGING_DIR");
  const { minify } = await import(tools.resolve("terser"));
  const indexPath = path.join(dir, "index.html");
  const page = replaceLoader(fs.readFileSync(indexPath, "utf8"));
  let html = page.html;

  const trunkGlue = path.join(dir, path.basename(page.glue));
  const trunkWasm = path.join(dir, path.basename(page.wasm));
  const renamed = minifyNames(trunkWasm, { wasmOpt: bin("wasm-opt"), features });
  optimizeAgain(trunkWasm, { wasmOpt: bin("wasm-opt"), features });
  let glue = lowerGlue(renameInGlue(fs.readFileSync(trunkGlue, "utf8"), renamed));
  // As a module: Trunk's minifier keeps the glue's top-level names (-0.4 KB brotli).
  glue = (await minify(glue, { module: true, ecma: 2017, compress: true, mangle: true })).code;
  // Named by their finished bytes, and the loader by its text with those names in it.
  const glueFile = path.join(dir, contentName(path.basename(trunkGlue), glue));
  const wasmFile = path.join(dir, contentName(path.basename(trunkWasm), fs.readFileSync(trunkWasm)));
  fs.rmSync(trunkGlue);
  fs.writeFileSync(glueFile, glue);
  fs.renameSync(trunkWasm, wasmFile);
  const named = (text) => text.replaceAll(path.basename(trunkGlue), path.basename(glueFile)).replaceAll(path.basename(trunkWasm), path.basename(wasmFile));
  const start = named(page.start.text);
  const startName = loaderName(start);
  html = named(html).replace(page.start.name, startName);
  // Minified: its comment is for readers of scripts/dist/start.js, not for the first visit.
  fs.writeFileSync(path.join(dir, startName), (await minify(start, { module: true, ecma: 2017, compress: true, mangle: true })).code);
  html = setIntegrity(html, path.basename(glueFile), glue);
  html = setIntegrity(html, path.basename(wasmFile), fs.readFileSync(wasmFile));

  const js = await jsBuild(wasmFile, { bin, features, minify, scratch: path.dirname(dir) });
  fs.writeFileSync(path.join(dir, js.name), js.text);
  // The list the page is built for: the one compiled in, or another (scripts/build --catalogue).
  const catalogueFile = process.env.MINSHENG_CATALOGUE || path.join(root, "seeds", "jining-hitech-2022.json");
  const catalogue = JSON.parse(fs.readFileSync(catalogueFile, "utf8"));
  // The benchmark's Yew floor (scripts/bench) is finished as the page is, but it is no list's
  // page and draws no questions.
  if (process.env.MINSHENG_YEW_FLOOR !== "1") {
    html = forList(html, catalogue);
    html = withFirst(html, renderFirst(glueFile, wasmFile));
  }
  const texts = textsFile(catalogue);
  fs.writeFileSync(path.join(dir, texts.name), texts.text);
  html = markBoot(html, {
    "data-js-build": page.base + js.name,
    "data-js-build-integrity": integrity(js.text),
    "data-wasm-bytes": fs.statSync(wasmFile).size,
    "data-texts": page.base + texts.name,
  });
  const officesFile = path.join(path.dirname(catalogueFile), "offices.json");
  if (fs.existsSync(officesFile)) html = withOffices(html, officesScript(fs.readFileSync(officesFile, "utf8"), knownOffices(catalogue)));
  fs.writeFileSync(indexPath, html);
  fs.rmSync(path.join(dir, ".trunk-lock"), { force: true });

  fs.writeFileSync(path.join(dir, "list.html"), listPage(catalogue, stylesheet(html), cspMeta(html)));

  // The worker precaches this build's files, the JavaScript build only where it runs.
  // Minified: the browser fetches it on the first visit too (-0.4 KB brotli).
  const assets = fs.readdirSync(dir).filter((f) => /\.(html|js|wasm|css|svg)$/.test(f) && f !== "sw.js" && f !== js.name).concat(texts.name);
  const sw = serviceWorker(assets.filter((f) => f !== "index.html"), [js.name]);
  fs.writeFileSync(path.join(dir, "sw.js"), (await minify(sw, { ecma: 2017, compress: true, mangle: { toplevel: true } })).code);

  checkSyntax(dir, tools("acorn"));
  compressAll(dir);
  console.log(`finish-dist: loader ${startName}, ${path.basename(wasmFile)}; ${renamed.imports.size} imports and ${renamed.exports.size} exports renamed; .br and .gz written`);
} catch (e) {
  console.error(e instanceof BuildError ? e.message : e);
  process.exit(1);
}
