// The texts the page shows only inside a fold, beside the page rather than in it: each item's
// summary in both languages and its source text (原文). The first visit does not carry them
// (about 6 KB brotli of text most residents open a few lines of). boot.js fetches this file the
// first time a fold shows one (an element `data-text="<item>.<zh|en|text>"`); the service worker
// keeps it for offline use. Its name carries a hash of its content, like Trunk's files.
import { shortHash } from "./hash.mjs";

/** `texts-<hash>.json`: `{ "<item>": { "zh": summary, "en": summary, "text": source } }`. */
export function textsFile(catalogue) {
  const texts = {};
  for (const item of catalogue.items) texts[item.item] = { zh: item.summary.zh, en: item.summary.en, text: item.text };
  const text = JSON.stringify(texts);
  return { name: `texts-${shortHash(text)}.json`, text };
}
