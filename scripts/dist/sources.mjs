// The items' source texts (原文), beside the page rather than in it: the first visit does not
// carry 3.5 KB (brotli) of Chinese text that most residents never open. boot.js fetches this
// file the first time a reader opens an item's 原文 fold; the service worker keeps it for
// offline use. Its name carries a hash of its content, like Trunk's files.
import crypto from "node:crypto";

/** `sources-<hash>.json`: `{ "<item>": "<text>" }` for every item of the catalogue. */
export function sourcesFile(catalogue) {
  const texts = {};
  for (const item of catalogue.items) texts[item.item] = item.text;
  const text = JSON.stringify(texts);
  const hash = crypto.createHash("sha256").update(text).digest("hex").slice(0, 16);
  return { name: `sources-${hash}.json`, text };
}
