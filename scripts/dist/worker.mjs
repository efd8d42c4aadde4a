// sw.js for this build: the worker's source (sw.js beside this file, a script of its own that
// parses and runs as it is) with this build's cache name and files.
import { shortHash } from "./hash.mjs";
import fs from "node:fs";
import { fail } from "./fail.mjs";

const SOURCE = fs.readFileSync(new URL("./sw.js", import.meta.url), "utf8");
const PLACEHOLDER = 'const BUILD = { cache: "minsheng-dev", assets: [], onUse: [] };';

/** The worker keeping `assets` (the page, "./", among them) and, once fetched, `onUse`. */
export function serviceWorker(assets, onUse) {
  if (!SOURCE.includes(PLACEHOLDER)) fail("sw.js has no BUILD line to fill in");
  const version = shortHash([...assets].sort().concat(onUse).join("\n"));
  const build = { cache: `minsheng-${version}`, assets, onUse };
  return SOURCE.replace(PLACEHOLDER, `const BUILD = ${JSON.stringify(build)};`);
}
