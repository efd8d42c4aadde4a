// Short names for what the Wasm imports and exports, in the Wasm and the glue alike.
//
// wasm-bindgen names each of the module's ~140 imports like `__wbg_addEventListener_847fd8…`
// and each closure's entry point by its whole Rust type (150 characters); every name is written
// twice, in the Wasm and in the glue. binaryen's own pass renames them in the Wasm
// (`--minify-imports-and-exports-and-modules`: modules, imports and exports) and prints the
// mapping; the glue is rewritten from that mapping, each name found exactly where the glue
// uses it, or the build stops. The producers and target-features sections go too: nothing the
// browser reads.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { fail } from "./fail.mjs";

/**
 * Renames the Wasm at `wasmFile` in place and returns what became what:
 * `{ modules: Map, imports: Map (old field → new), exports: Map }`.
 */
export function minifyNames(wasmFile, { wasmOpt, features }) {
  const before = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmFile)));
  const printed = execFileSync(wasmOpt, [
    wasmFile, "--minify-imports-and-exports-and-modules", "--strip-producers", "--strip-target-features",
    ...features, "-o", wasmFile,
  ], { encoding: "utf8" });
  let map;
  try {
    map = JSON.parse(printed);
  } catch {
    fail(`wasm-opt's name mapping could not be read: ${printed.slice(0, 200)}`);
  }
  const after = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmFile)));
  if (after.length !== before.length) fail("wasm-opt changed the number of imports");
  const imports = new Map();
  for (const [, old, renamed] of map.imports) {
    if (imports.has(old) && imports.get(old) !== renamed) fail(`the import ${old} was renamed twice`);
    imports.set(old, renamed);
  }
  // The modules, as the imports' positions pair them (binaryen keeps the imports' order).
  const modules = new Map();
  before.forEach((b, i) => {
    const a = after[i];
    if ((imports.get(b.name) ?? b.name) !== a.name) fail(`the import ${b.name} is not where the mapping says`);
    if (modules.has(b.module) && modules.get(b.module) !== a.module) fail(`the module ${b.module} was renamed twice`);
    modules.set(b.module, a.module);
  });
  return { modules, imports, exports: new Map(map.exports) };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The glue with the Wasm's new names: each import a key of its import object, each module a
 * key of the object of modules, each export reached as `wasm.<name>`. */
export function renameInGlue(glue, { modules, imports, exports }) {
  for (const [old, renamed] of imports) {
    // A key of the import object: `__wbg_x_123: function` or `"__wbg_x_123": function`.
    const key = new RegExp(`(?<=[{,]\\s*)(["']?)${escape(old)}\\1(?=\\s*:)`, "g");
    const found = (glue.match(key) || []).length;
    if (found !== 1) fail(`the import ${old} is in the glue's import object ${found} times, not once`);
    glue = glue.replace(key, JSON.stringify(renamed));
    if (new RegExp(`\\b${escape(old)}\\b`).test(glue)) fail(`the import ${old} is named outside the glue's import object`);
  }
  for (const [old, renamed] of modules) {
    const key = new RegExp(`(["'])${escape(old)}\\1(?=\\s*:)`, "g");
    const found = (glue.match(key) || []).length;
    if (found !== 1) fail(`the module ${old} is a key of the glue's imports ${found} times, not once`);
    glue = glue.replace(key, JSON.stringify(renamed));
  }
  for (const [old, renamed] of exports) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${escape(old)}\\b`, "g"), `wasm.${renamed}`);
    if (new RegExp(`[.\\w]${escape(old)}\\b|["']${escape(old)}["']`).test(glue)) {
      fail(`the export ${old} is reached in the glue other than as wasm.${old}`);
    }
  }
  return glue;
}

/**
 * wasm-bindgen's glue uses two pieces of syntax newer than ES2017: optional chaining
 * (Chromium 80, iOS 13.4) in its debug formatting, and `import.meta.url` (Chromium 64, iOS 12)
 * for the default address of the Wasm, which the page never uses (start.js always passes it;
 * the page's address stands in). Without them the glue parses on every engine with module
 * scripts (Chromium 61, iOS 11).
 */
export function lowerGlue(glue) {
  return glue
    .replace(/(\/\\\[object \(\[\^\\\]\]\+\)\\\]\/\.exec\(\w+\))\?\.\[1\]/g, "($1||[])[1]")
    .replace(/\bimport\.meta\.url\b/g, "location.href");
}

/**
 * -Oz to convergence once more, on the renamed module (a call of its own: `--converge` repeats
 * every pass named with it): it folds ~400 B (brotli) of the page further than Trunk's pass,
 * which ran on the long names. Then the control flow rebuilt (`--flatten --rereloop`: every
 * function's branches laid out again by binaryen's relooper) and optimised at -O4, then -Oz:
 * -1.1 KB brotli more (2026-12-07; run to convergence after it, it gains raw bytes and loses
 * brotli ones). It must keep every import, or the renamed glue no longer matches.
 */
export function optimizeAgain(wasmFile, { wasmOpt, features }) {
  const count = () => WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmFile))).length;
  const before = count();
  execFileSync(wasmOpt, [wasmFile, "-Oz", "--converge", ...features, "-o", wasmFile]);
  execFileSync(wasmOpt, [wasmFile, "--flatten", "--rereloop", "-O4", "-Oz", ...features, "-o", wasmFile]);
  if (count() !== before) fail("wasm-opt changed the number of imports");
}
