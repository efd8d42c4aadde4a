// Small fixtures for the build's finishing steps (scripts/dist/): a Wasm module written byte by
// byte, a glue and an index.html shaped as wasm-bindgen and Trunk write them.
export { bin, features, tools } from "../../scripts/dist/tools.mjs";

const bytes = (...parts) => Buffer.from(parts.flat());
const str = (s) => [Buffer.byteLength(s), ...Buffer.from(s)];
const section = (id, content) => [id, content.length, ...content];

/**
 * A module as wasm-bindgen's are shaped: two imports from "./app_bg.js" with hashed names, a
 * memory and two functions exported (one a closure's long name), and a producers section.
 */
export function wasmFixture() {
  const type = section(1, [1, 0x60, 0, 0]); // one type: () -> ()
  const imports = section(2, [2,
    ...str("./app_bg.js"), ...str("__wbg_log_0123456789abcdef"), 0, 0,
    ...str("./app_bg.js"), ...str("__wbg_now_fedcba9876543210"), 0, 0]);
  const funcs = section(3, [2, 0, 0]);
  const memory = section(5, [1, 0, 1]); // one memory, min 1 page
  const closure = "wasm_bindgen_d40c52ec9709a63___convert__closures_____invoke_______true_";
  const exports = section(7, [3,
    ...str("memory"), 2, 0,
    ...str("__wbindgen_start"), 0, 2,
    ...str(closure), 0, 3]);
  // Each function calls the first import.
  const body = [4, 0, 0x10, 0, 0x0b];
  const code = section(10, [2, ...body, ...body]);
  const producers = section(0, [...str("producers"), 0]);
  return { bytes: bytes([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0], type, imports, funcs, memory, exports, code, producers), closure };
}

/** A glue as wasm-bindgen writes one for the fixture module. */
export function glueFixture(closure) {
  return `let wasm;
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_log_0123456789abcdef: function(arg0) { console.log(arg0); },
        __wbg_now_fedcba9876543210: function() { return Date.now(); },
    };
    return {
        __proto__: null,
        "./app_bg.js": import0,
    };
}
function run(a) { return wasm.${closure}(a); }
function start() { wasm.__wbindgen_start(); return wasm.memory.buffer; }
function className(val) {
    const toString = Object.prototype.toString.call(val);
    return /\\[object ([^\\]]+)\\]/.exec(toString)?.[1];
}
export default async function init(module_or_path) {
    if (typeof module_or_path === 'undefined') {
        module_or_path = new URL('app_bg.wasm', import.meta.url);
    }
    return [module_or_path, className(module_or_path)];
}
`;
}

/** index.html as Trunk writes it in a release build. */
export const indexFixture = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<link rel="stylesheet" href="/style-0011223344556677.css" integrity="sha384-AAA">
<link rel="modulepreload" href="/app-0011223344556677.js" crossorigin integrity="sha384-BBB">
<link rel="preload" href="/app-0011223344556677_bg.wasm" crossorigin integrity="sha384-CCC" as="fetch" type="application/wasm">
<script src="/boot-0011223344556677.js"></script>
<script type="module">
import init, * as bindings from '/app-0011223344556677.js';
const wasm = await init({ module_or_path: '/app-0011223344556677_bg.wasm' });
window.wasmBindings = bindings;
</script>
</head><body></body></html>`;
