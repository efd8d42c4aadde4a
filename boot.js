// Runs before the app. It registers the service worker (offline use), and two jobs for
// older in-app browsers:
// 1. Where WebAssembly or module scripts are missing, go to the static list of all measures,
//    which says in plain words what to do. The same happens if the app fails to start.
// 2. Some engines (older WeChat cores among them) fail WebAssembly.instantiateStreaming on a
//    good module, or on a server that sends the wrong MIME type: compile from the bytes instead.
(function () {
  "use strict";
  var fallback = function () {
    window.location.replace("list.html#nowasm");
  };
  var wa = window.WebAssembly;
  var wasmOk = false;
  try {
    wasmOk = typeof wa === "object" && wa.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch (e) {
    wasmOk = false;
  }
  var modulesOk = "noModule" in document.createElement("script");
  if (!wasmOk || !modulesOk) {
    fallback();
    return;
  }
  window.addEventListener("minsheng-failed", fallback);
  // Keep the app for offline use (the service desk's network is unreliable).
  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("sw.js").catch(function () {});
    });
  }
  if (typeof wa.instantiateStreaming !== "function") return;
  var streaming = wa.instantiateStreaming.bind(wa);
  wa.instantiateStreaming = function (source, imports) {
    return Promise.resolve(source).then(function (response) {
      var copy = response.clone();
      return streaming(response, imports).catch(function () {
        return copy.arrayBuffer().then(function (bytes) {
          return wa.instantiate(bytes, imports);
        });
      });
    });
  };
})();
