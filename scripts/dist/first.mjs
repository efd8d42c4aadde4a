// The first questions in index.html: the page's own first screen, drawn by the built page itself
// (first-render.mjs runs it once in a DOM of its own), so its markup and words have one source,
// the app's components. The resident sees and answers them while the calculator downloads;
// boot.js hands what was typed and chosen to the app when it starts, and takes them away where
// the app will show other answers or another language.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { fail } from "./fail.mjs";

const RENDER = fileURLToPath(new URL("./first-render.mjs", import.meta.url));

/** What the built page draws first (its header, greeting and form: see first-render.mjs). */
export function renderFirst(glueFile, wasmFile) {
  let out;
  try {
    out = execFileSync(process.execPath, [RENDER, glueFile, wasmFile], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60000 });
  } catch (e) {
    fail(`the first questions could not be drawn: ${(e.stderr || e.message || "").trim()}`);
  }
  return JSON.parse(out);
}

/**
 * index.html with the app's header and greeting in place of its own, and the app's first
 * questions first in its `.columns` (before the wait's notices).
 */
export function withFirst(html, { header, intro, form }) {
  const put = (text, pattern, what, make) => {
    const found = pattern.exec(text);
    if (!found) fail(`index.html has no ${what} for the first questions`);
    return text.slice(0, found.index) + make(found[0]) + text.slice(found.index + found[0].length);
  };
  html = put(html, /<header\b[^>]*>[\s\S]*?<\/header>/, "header", () => header);
  html = put(html, /<p class="?intro"?>[\s\S]*?<\/p>/, "greeting (p.intro)", () => intro);
  return put(html, /<div class="?columns"?>/, "div.columns", (tag) => tag + form);
}
