// Every script the page runs must parse as ES2017, scripts and modules as shipped: older
// in-app browsers could not run it otherwise.
import fs from "node:fs";
import path from "node:path";
import { fail } from "./fail.mjs";

/** Checks each `.js` of `dir` with `acorn` (boot, the JavaScript build and sw.js are classic
 * scripts; the rest modules). */
export function checkSyntax(dir, acorn) {
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
