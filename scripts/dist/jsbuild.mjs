// The JavaScript build: the same release module translated to JavaScript by binaryen's
// wasm2js, for engines where WebAssembly is missing or may not compile. boot.js loads it only
// there; index.html names it in the boot script's data-js-build attribute.
import { shortHash } from "./hash.mjs";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fail } from "./fail.mjs";

/** The JavaScript build's memory: 32 MiB, in 64 KiB pages (the page needs about 1.6 MB). */
export const MAX_PAGES = 512;

/**
 * wasm2js's output made into a classic script that sets `self.minshengAsm` to a function from
 * the wasm-bindgen imports to the module's exports.
 *
 * One change to wasm2js's memory: it is one ArrayBuffer of `maxPages` from the start, and
 * memory.grow only moves the size within it. wasm2js grows by replacing the buffer, and it
 * sometimes reads a typed-array view before evaluating an index that calls a function that
 * grows memory: that load then reads the old buffer (found as a lost byte in the result JSON).
 * With one buffer, every view stays valid; the glue's cached views too. `self.minshengAsmPages`
 * says how far it has grown (the tests check that it did).
 */
export function wrapWasm2js(raw, maxPages = MAX_PAGES) {
  const lines = raw.split("\n");
  if (!/^import \* as \S+ from '[^']+';$/.test(lines[0])) fail("wasm2js: unexpected first line");
  const tail = lines.findIndex((l) => l.startsWith("var retasmFunc = asmFunc("));
  if (tail < 0) fail("wasm2js: the module's instantiation was not found");
  let body = lines.slice(1, tail).join("\n");
  const once = (pattern, replacement, what) => {
    const found = body.match(new RegExp(pattern.source, "g"));
    if (!found || found.length !== 1) fail(`wasm2js: ${what} was not found once`);
    body = body.replace(pattern, replacement);
  };
  once(/var buffer = new ArrayBuffer\((\d+)\);/, (_, bytes) => `var pages = ${Number(bytes) / 65536};\n var buffer = new ArrayBuffer(${maxPages * 65536});`, "the memory");
  once(/function __wasm_memory_size\(\) \{\n  return buffer\.byteLength >> 16;\n \}/, "function __wasm_memory_size() {\n  return pages;\n }", "memory.size");
  once(/function __wasm_memory_grow\(pagesToAdd\) \{[\s\S]*?\n  return oldPages;\n \}/, `function __wasm_memory_grow(pagesToAdd) {
  pagesToAdd = pagesToAdd | 0;
  var oldPages = pages;
  var newPages = oldPages + pagesToAdd | 0;
  if (pagesToAdd < 0 || newPages > ${maxPages}) return -1;
  pages = newPages;
  self.minshengAsmPages = pages;
  return oldPages;
 }`, "memory.grow");
  return `(function () {
"use strict";
${body}
self.minshengAsm = asmFunc;
})();
`;
}

/**
 * Translates the module at `wasmFile` (wasm-opt first lowers accesses whose alignment hint is
 * below natural: wasm2js assumes every access is as aligned as its hint says), wraps it, and
 * minifies it. Returns the script's text and its content-hashed file name.
 */
export async function jsBuild(wasmFile, { bin, features, minify, scratch }) {
  const lowered = path.join(scratch, `.jsbuild-${process.pid}.wasm`);
  execFileSync(bin("wasm-opt"), [wasmFile, "--alignment-lowering", ...features, "-o", lowered]);
  let raw;
  try {
    raw = execFileSync(bin("wasm2js"), [lowered, "-Oz", ...features], { maxBuffer: 1 << 28, encoding: "utf8" });
  } finally {
    fs.rmSync(lowered, { force: true });
  }
  const text = (await minify(wrapWasm2js(raw), { ecma: 5, compress: true, mangle: true })).code;
  const name = `jsbuild-${shortHash(text)}.js`;
  return { name, text };
}
