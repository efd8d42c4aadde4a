// index.html as Trunk wrote it, finished: its module loader replaced by start.js, the boot
// script told where the JavaScript build is, and each preload's integrity following the bytes.
import crypto from "node:crypto";
import fs from "node:fs";
import { fail } from "./fail.mjs";
import { shortHash } from "./hash.mjs";

const START = fs.readFileSync(new URL("./start.js", import.meta.url), "utf8");

/** A Subresource Integrity value for these bytes. */
export function integrity(bytes) {
  return "sha384-" + crypto.createHash("sha384").update(bytes).digest("base64");
}

/**
 * Trunk's inline loader found in `html` and replaced by an external module (a CSP of 'self'
 * allows it): returns the new html, the loader's file name and text, and the glue's and the
 * Wasm's addresses as Trunk gave them.
 */
export function replaceLoader(html) {
  const loader = /<script type="?module"?>([\s\S]*?\bawait init\([\s\S]*?)<\/script>/.exec(html);
  if (!loader) fail("Trunk's module loader was not found in index.html");
  const glue = /from\s*["'`]([^"'`]+\.js)["'`]/.exec(loader[1]);
  const wasm = /module_or_path:\s*["'`]([^"'`]+\.wasm)["'`]/.exec(loader[1]);
  if (!glue || !wasm) fail("could not read the glue and wasm paths from Trunk's loader");
  const start = START.replace('"__GLUE__"', JSON.stringify(glue[1])).replace('"__WASM__"', JSON.stringify(wasm[1]));
  const name = loaderName(start);
  const base = glue[1].slice(0, glue[1].lastIndexOf("/") + 1);
  return {
    html: html.replace(loader[0], `<script type=module src="${base}${name}"></script>`),
    start: { name, text: start },
    glue: glue[1],
    wasm: wasm[1],
    base,
  };
}

/**
 * `name` (Trunk's, `app-<16 hex>.js` or `app-<16 hex>_bg.wasm`) with the hash of `bytes` in
 * place of Trunk's: a file these steps rewrote is named by what it holds once finished, so a
 * change in the finishing alone (a new optimisation pass) gives it a new name. Deployers serve
 * hashed names as immutable (docs/DEPLOYING.md): a new file under an old name would meet the old
 * one in a browser's cache.
 */
export function contentName(name, bytes) {
  const parts = /^(.+)-[0-9a-f]{16}(_bg\.wasm|\.js)$/.exec(name);
  if (!parts) fail(`${name} is not a hashed name Trunk writes`);
  return `${parts[1]}-${shortHash(bytes)}${parts[2]}`;
}

/** The loader's file name, named by its text (with the glue's and the Wasm's names in it). */
export function loaderName(text) {
  return `start-${shortHash(text)}.js`;
}

/** The boot script's tag gets these attributes (the JavaScript build's address and integrity,
 * the Wasm's size for the wait's progress). */
export function markBoot(html, attributes) {
  const tag = /<script\b[^>]*\bsrc=["']?[^"' >]*\/boot-[0-9a-f]+\.js["']?[^>]*>/.exec(html);
  if (!tag) fail("the boot script was not found in index.html");
  const added = Object.entries(attributes).map(([k, v]) => ` ${k}="${v}"`).join("");
  return html.replace(tag[0], tag[0].replace(/>$/, `${added}>`));
}

/** The preload of the file `name` gets the integrity of `bytes`. */
export function setIntegrity(html, name, bytes) {
  const tag = new RegExp(`<link\\b[^>]*\\b${name.replace(/[.-]/g, "\\$&")}[^>]*>`).exec(html);
  if (!tag || !/integrity=/.test(tag[0])) fail(`the preload of ${name} (with its integrity) was not found in index.html`);
  return html.replace(tag[0], tag[0].replace(/integrity=("?)sha384-[^" >]+\1/, `integrity=$1${integrity(bytes)}$1`));
}

/** The page's Content-Security-Policy `<meta>`, which list.html carries too. */
export function cspMeta(html) {
  const meta = /<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  if (!meta) fail("index.html has no Content-Security-Policy");
  return meta[0];
}

/** The stylesheet's address. */
export function stylesheet(html) {
  const css = /href=["']?([^"' >]+\.css)/.exec(html);
  if (!css) fail("the stylesheet was not found in index.html");
  return css[1];
}

/**
 * The page's static words (its title, description and the greeting before the app starts) said
 * for the list it is built with: `{d}` its district, `{y}` its year, as in the app's words. A
 * placeholder left, or none found, stops the build.
 */
export function forList(html, catalogue) {
  if (!/\{[dy]\}/.test(html)) fail("index.html names no {d} or {y}: its district and year would be the code's");
  const out = html.replaceAll("{d}", catalogue.district.zh).replaceAll("{y}", String(catalogue.year));
  return out;
}
