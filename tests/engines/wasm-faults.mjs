// What WPE WebKit 2.38 (the WebKit of iOS 16) trips on: a diagnostic, not part of `make test`.
// Against the release build in dist/, it starts WPE (cog, headless) STARTS times under each of
// JavaScriptCore's settings below (environment variables JSC_<option>, which the WebDriver
// passes to the browser and its web process), and in each start makes the page encode a QR
// code CHANGES times (the share panel open, the age changed each time: the encoding that once
// met the engine's fault on about one start in five). It counts the starts whose page recorded a
// WebAssembly trap (RuntimeError), a restart on the JavaScript build, or failed to start.
//
//   node tests/engines/wasm-faults.mjs [STARTS=10] [CHANGES=30]
//
// docs/WEBKIT-2.38.md has what it found.
import { serve, dist, profileHash } from "../e2e/harness.mjs";
import { ENGINES, openSession } from "./engines.mjs";

const STARTS = Number(process.argv[2] || 10);
const CHANGES = Number(process.argv[3] || 30);
const SETTINGS = {
  "default": {},
  "no BBQ (LLInt and OMG)": { JSC_useBBQJIT: "false" },
  "no OMG (LLInt and BBQ)": { JSC_useOMGJIT: "false" },
  "no Wasm LLInt (BBQ first)": { JSC_useWasmLLInt: "false" },
  "no fast memory (explicit bounds checks)": { JSC_useWebAssemblyFastMemory: "false" },
};
const RECORDER = `window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.error || e.message)); }, true);
window.addEventListener("unhandledrejection", function (e) { window.__errors.push(String(e.reason)); });`;

const server = await serve(dist, {
  files: { "/__errors.js": { type: "text/javascript; charset=utf-8", body: RECORDER } },
  html: (text) => text.replace(/(<meta charset=["']?utf-8["']?>)/i, '$1<script src="/__errors.js"></script>'),
});
const link = profileHash({ members: [{ age: 40, sex: "female", insurance: "resident" }] });
const only = process.env.SETTINGS ? process.env.SETTINGS.split(",") : Object.keys(SETTINGS);
for (const name of only) {
  Object.assign(process.env, SETTINGS[name]);
  const tally = { traps: 0, noStart: 0, clean: 0, messages: new Set() };
  for (let i = 0; i < STARTS; i++) {
    const s = await openSession(ENGINES.wpe);
    try {
      await s.navigate(`${server.url}?n=${i}${link}`);
      const started = await s.until(() => document.querySelector("[data-cash-month]"), "results", { timeout: 20000 }).then(() => true, () => false);
      if (started) {
        await s.exec(() => document.getElementById("share").click());
        for (let k = 0; k < CHANGES; k++) {
          await s.exec((age) => {
            const box = document.querySelector("input[id$='-age']");
            if (!box) return;
            box.value = String(age);
            box.dispatchEvent(new InputEvent("input", { bubbles: true }));
          }, 20 + (k % 60));
        }
        await new Promise((r) => setTimeout(r, 300));
      }
      const errors = JSON.parse(await s.exec(() => JSON.stringify(window.__errors || [])).catch(() => "[]"));
      const traps = errors.filter((e) => /RuntimeError|unreachable|Out of bounds/i.test(e));
      if (!started) tally.noStart++;
      else if (traps.length) tally.traps++;
      else tally.clean++;
      traps.forEach((t) => tally.messages.add(t.slice(0, 120)));
    } finally {
      await s.stop();
    }
  }
  for (const key of Object.keys(SETTINGS[name])) delete process.env[key];
  console.log(`${name}: ${STARTS} starts × ${CHANGES} QR encodings: ${tally.traps} with a trap, ${tally.noStart} did not start, ${tally.clean} clean${tally.messages.size ? ` — ${[...tally.messages].join(" | ")}` : ""}`);
}
await server.close();
