// The engines residents use beside Chromium, each driven by its own W3C WebDriver:
// - WPE WebKit 2.38 with cog (Debian's wpewebkit-driver, cog): the WebKit of iOS 16, headless;
// - WebKitGTK (webkit2gtk-driver): current WebKit, under Xvfb;
// - Firefox ESR (firefox-esr), through geckodriver (crates.io).
// MINSHENG_ENGINES=wpe,webkitgtk,firefox chooses among them (all by default).
import { spawn } from "node:child_process";
import fs from "node:fs";
import { startDriver, Session } from "./webdriver.mjs";

const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** Starts Xvfb on a free display; resolves with { display, stop }. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display and writes its number on fd 3 when ready.
    const child = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    process.once("exit", () => child.kill("SIGKILL"));
    let out = "";
    child.stdio[3].on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve({ display: `:${out.trim()}`, stop: () => child.kill() });
    });
    child.once("exit", (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
}

export const ENGINES = {
  wpe: {
    label: "WPE WebKit 2.38 (cog, headless)",
    binaries: ["WPEWebDriver", "/usr/bin/cog"],
    async start() {
      const driver = await startDriver("WPEWebDriver", ["--port={port}"]);
      return { driver, capabilities: { "wpe:browserOptions": { binary: "/usr/bin/cog", args: ["--automation", "--platform=headless"] } }, stop: () => driver.stop() };
    },
  },
  webkitgtk: {
    label: "WebKitGTK (MiniBrowser under Xvfb)",
    binaries: ["WebKitWebDriver", MINIBROWSER, "Xvfb"],
    async start() {
      const x = await startXvfb();
      const driver = await startDriver("WebKitWebDriver", ["--port={port}"], { env: { DISPLAY: x.display } });
      return {
        driver,
        capabilities: { "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } },
        stop: async () => { await driver.stop(); x.stop(); },
      };
    },
  },
  firefox: {
    label: "Firefox ESR (geckodriver, headless)",
    binaries: ["geckodriver", "/usr/bin/firefox-esr"],
    async start() {
      const driver = await startDriver("geckodriver", ["--port", "{port}", "--host", "127.0.0.1"]);
      return {
        driver,
        capabilities: {
          browserName: "firefox",
          "moz:firefoxOptions": {
            binary: "/usr/bin/firefox-esr",
            args: ["-headless", "-width", "1024", "-height", "768"],
            // Nothing that would reach the network: updates, telemetry, safe browsing, captive portal.
            prefs: {
              "app.update.enabled": false,
              "browser.safebrowsing.malware.enabled": false,
              "browser.safebrowsing.phishing.enabled": false,
              "datareporting.policy.dataSubmissionEnabled": false,
              "toolkit.telemetry.enabled": false,
              "network.captive-portal-service.enabled": false,
              "network.connectivity-service.enabled": false,
              "extensions.getAddons.cache.enabled": false,
              "browser.search.update": false,
              "intl.accept_languages": "zh-CN",
            },
          },
        },
        stop: () => driver.stop(),
      };
    },
  },
};

function onPath(bin) {
  if (bin.startsWith("/")) return fs.existsSync(bin);
  return (process.env.PATH || "").split(":").some((d) => fs.existsSync(`${d}/${bin}`));
}

/** The engines to run: all, or those named in MINSHENG_ENGINES. A missing binary is an error. */
export function chosenEngines() {
  const names = (process.env.MINSHENG_ENGINES || Object.keys(ENGINES).join(",")).split(",").map((s) => s.trim()).filter(Boolean);
  return names.map((name) => {
    const engine = ENGINES[name];
    if (!engine) throw new Error(`MINSHENG_ENGINES: no engine "${name}" (${Object.keys(ENGINES).join(", ")})`);
    const missing = engine.binaries.filter((b) => !onPath(b));
    if (missing.length) throw new Error(`${engine.label}: not installed (${missing.join(", ")}): run scripts/setup --test`);
    return { name, ...engine };
  });
}

/** A new session of `engine` (its driver started for it); `session.stop()` ends both. */
export async function openSession(engine) {
  const running = await engine.start();
  try {
    const session = await Session.create(running.driver.base, running.capabilities);
    session.stop = async () => { await session.quit(); await running.stop(); };
    return session;
  } catch (e) {
    await running.stop();
    throw e;
  }
}
