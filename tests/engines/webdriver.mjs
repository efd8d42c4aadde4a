// A thin W3C WebDriver client: the dozen commands the engine journeys use, over Node's fetch.
//
// Why ours and not selenium-webdriver or webdriverio: both look for (and download) browsers and
// drivers of their own when one is not found, which nothing here may do, and each brings dozens
// of packages for what is a small JSON protocol. The engines' drivers come from Debian
// (WPEWebDriver, WebKitWebDriver) and crates.io (geckodriver); this file only speaks to them.
import { spawn } from "node:child_process";
import net from "node:net";

/** A free port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The W3C element key in a response. */
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** The element id in a value that a script returned (null if it returned no element). */
export function element(value) {
  return value?.[ELEMENT] ?? null;
}

export class WebDriverError extends Error {
  constructor(command, value) {
    super(`${command}: ${value?.error ?? "error"}: ${value?.message ?? JSON.stringify(value)}`);
    this.code = value?.error;
  }
}

/** The drivers' process groups still running: none outlives the tests. */
const running = new Set();
process.once("exit", () => { for (const pid of running) { try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ } } });

/**
 * Starts a driver binary on a free port and waits until it answers /status.
 * `env` is added to the process's environment (DISPLAY for WebKitGTK under Xvfb).
 */
export async function startDriver(binary, args = [], { env = {} } = {}) {
  const port = await freePort();
  const child = spawn(binary, [...args.map((a) => a.replace("{port}", String(port)))], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it stops the browser it started too.
    detached: true,
  });
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* gone */ } };
  running.add(child.pid);
  child.once("exit", () => running.delete(child.pid));
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${binary} exited (${child.exitCode}): ${log}`);
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > end) { killGroup("SIGKILL"); throw new Error(`${binary} did not answer on ${base}: ${log}`); }
    await sleep(100);
  }
  return { base, child, log: () => log, stop: () => new Promise((r) => {
    if (child.exitCode !== null || child.signalCode !== null) { r(); return; }
    const hard = setTimeout(() => killGroup("SIGKILL"), 5000);
    child.once("exit", () => { clearTimeout(hard); killGroup("SIGKILL"); r(); });
    killGroup("SIGTERM");
  }) };
}

export class Session {
  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
  }

  static async create(base, alwaysMatch) {
    const value = await call(base, "POST", "/session", { capabilities: { alwaysMatch } }, "new session");
    return new Session(base, value.sessionId, value.capabilities);
  }

  cmd(method, path, body, what = path) {
    return call(this.base, method, `/session/${this.id}${path}`, body, what);
  }

  async quit() {
    try { await this.cmd("DELETE", "", undefined, "delete session"); } catch { /* already gone */ }
  }

  navigate(url) { return this.cmd("POST", "/url", { url }, `navigate ${url}`); }
  url() { return this.cmd("GET", "/url"); }
  refresh() { return this.cmd("POST", "/refresh", {}); }
  setRect(width, height) { return this.cmd("POST", "/window/rect", { width, height, x: 0, y: 0 }, "set window rect"); }
  /** Runs `fn` (a function, or the body of one) in the page with `args`; returns its value. */
  exec(fn, ...args) {
    const script = typeof fn === "function" ? `return (${fn}).apply(null, arguments);` : fn;
    return this.cmd("POST", "/execute/sync", { script, args }, "execute");
  }
  /** Runs an async function in the page: resolves with what its promise resolves to. */
  execAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v }), (e) => done({ err: String(e) }));`;
    return this.cmd("POST", "/execute/async", { script, args }, "execute async").then((r) => {
      if (r && "err" in r) throw new Error(r.err);
      return r?.ok;
    });
  }
  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css }, `find ${css}`);
    return v[ELEMENT];
  }
  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css }, `find all ${css}`);
    return v.map((e) => e[ELEMENT]);
  }
  click(el) { return this.cmd("POST", `/element/${el}/click`, {}, "click"); }
  clear(el) { return this.cmd("POST", `/element/${el}/clear`, {}, "clear"); }
  type(el, text) { return this.cmd("POST", `/element/${el}/value`, { text }, `type "${text}"`); }
  text(el) { return this.cmd("GET", `/element/${el}/text`); }
  /** The page as PNG (a Buffer). */
  async screenshot() { return Buffer.from(await this.cmd("GET", "/screenshot"), "base64"); }
  /** W3C "Print Page": a PDF (a Buffer), where the driver has it. */
  async print(options = {}) { return Buffer.from(await this.cmd("POST", "/print", options, "print"), "base64"); }

  /** Waits until `fn` returns a truthy value in the page. */
  async until(fn, what, { timeout = 20000, args = [] } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const v = await this.exec(fn, ...args);
        if (v) return v;
      } catch (e) { last = e; }
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (${last.message})` : ""}`);
      await sleep(100);
    }
  }
}

/** No command may wait for ever: a driver whose browser hung fails the test instead of CI. */
const COMMAND_TIMEOUT = 60000;

async function call(base, method, path, body, what) {
  const r = await fetch(base + path, {
    signal: AbortSignal.timeout(COMMAND_TIMEOUT),
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({ value: { error: `HTTP ${r.status}` } }));
  if (!r.ok) throw new WebDriverError(what, json.value);
  return json.value;
}
