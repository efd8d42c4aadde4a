// The page's module loader (Trunk's own uses top-level await, which Chromium before 89 and
// iOS before 15 cannot parse). Where boot.js chose the JavaScript build, the glue is given no
// address to fetch: the Wasm is not downloaded, and a proxy that blocks .wasm files does not
// stop the page. finish-dist fills in the glue's and the Wasm's addresses.
import init, * as bindings from "__GLUE__";
init({ module_or_path: window.minshengEngine === "js" ? {} : "__WASM__" }).then(function (wasm) {
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: wasm } }));
}, function (error) {
  dispatchEvent(new CustomEvent("minsheng-failed", { detail: { error: error } }));
});
