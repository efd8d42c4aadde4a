// Runs before the app. It registers the service worker (offline use) and chooses how the app
// runs on this engine:
// 1. Module scripts missing: go to the static list of all measures, which says in plain words
//    what to do (list.html#nowasm). If the app's scripts fail to load, or neither build starts,
//    the list says the page did not load completely (list.html#failed).
// 2. WebAssembly present and allowed to compile: the Wasm, as built. Some engines (older WeChat
//    cores among them) fail WebAssembly.instantiateStreaming on a good module, or on a server
//    that sends the wrong MIME type: compile from the bytes instead.
// 3. WebAssembly missing (iOS Lockdown Mode, hardened browsers) or refused (engines that do not
//    know the page's 'wasm-unsafe-eval', such as iOS before 16 and Chromium before 97), or
//    failing to compile: the JavaScript build, the same module translated by wasm2js. It is
//    fetched only then. The wasm-bindgen glue is unchanged: it asks WebAssembly to instantiate
//    the module, and this script answers with the JavaScript build's exports.
// window.minshengEngine says which one runs ("wasm" or "js"), for the tests and the benchmark.
(function () {
  "use strict";
  var fallback = function (why) {
    window.location.replace("list.html#" + (why === "failed" ? "failed" : "nowasm"));
  };
  var modulesOk = "noModule" in document.createElement("script");
  if (!modulesOk) {
    fallback();
    return;
  }
  var script = document.currentScript;
  var jsBuild = script && script.getAttribute("data-js-build");
  var jsBuildIntegrity = script && script.getAttribute("data-js-build-integrity");
  var wa = window.WebAssembly;
  var compiles = false;
  try {
    // A synchronous compile of the empty module: throws where a CSP refuses WebAssembly.
    compiles = typeof wa === "object" && new wa.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])) instanceof wa.Module;
  } catch (e) {
    compiles = false;
  }
  window.minshengEngine = compiles ? "wasm" : "js";
  var failed = function () {
    fallback("failed");
  };
  window.addEventListener("minsheng-failed", failed);
  // A script of the app that cannot be fetched (its module graph fails, and start.js never runs).
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target.tagName === "SCRIPT") failed();
  }, true);
  // Keep the app for offline use (the service desk's network is unreliable).
  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      // By now the engine is known: where the JavaScript build runs, the worker keeps it
      // instead of the Wasm.
      navigator.serviceWorker.register(window.minshengEngine === "js" ? "sw.js?engine=js" : "sw.js").catch(function () {});
    });
  }

  var loading = null;
  var loadJsBuild = function () {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (!jsBuild) {
          reject(new Error("no JavaScript build is named in index.html"));
          return;
        }
        var tag = document.createElement("script");
        if (jsBuildIntegrity) tag.integrity = jsBuildIntegrity;
        tag.src = jsBuild;
        tag.onload = function () {
          if (typeof window.minshengAsm === "function") resolve(window.minshengAsm);
          else reject(new Error("the JavaScript build did not load"));
        };
        tag.onerror = function () {
          reject(new Error("the JavaScript build could not be fetched"));
        };
        document.head.appendChild(tag);
      });
    }
    return loading;
  };
  // What WebAssembly.instantiate resolves to, from the JavaScript build.
  var instantiateJs = function (imports) {
    window.minshengEngine = "js";
    return loadJsBuild().then(function (asm) {
      return { instance: { exports: asm(imports) }, module: null };
    });
  };
  // A response for the Wasm this engine will not use: cancelling its body stops the transfer.
  var ignore = function (source) {
    Promise.resolve(source).then(function (response) {
      if (response && response.body && response.body.cancel) return response.body.cancel();
    }).catch(function () {});
  };

  if (!compiles) {
    // The page's preload has started the Wasm download: take its response, and let it go.
    var preload = document.querySelector('link[rel="preload"][href$=".wasm"]');
    if (preload && typeof fetch === "function") ignore(fetch(preload.href, { mode: "cors", credentials: "same-origin" }));
    var Stand = function () {};
    window.WebAssembly = {
      Module: Stand,
      Instance: Stand,
      Memory: Stand,
      Table: Stand,
      validate: function () {
        return false;
      },
      instantiate: function (source, imports) {
        return instantiateJs(imports);
      },
      instantiateStreaming: function (source, imports) {
        ignore(source);
        return instantiateJs(imports);
      },
    };
    return;
  }

  var instantiate = wa.instantiate.bind(wa);
  wa.instantiate = function (bytes, imports) {
    return instantiate(bytes, imports).catch(function () {
      return instantiateJs(imports);
    });
  };
  if (typeof wa.instantiateStreaming !== "function") return;
  var streaming = wa.instantiateStreaming.bind(wa);
  wa.instantiateStreaming = function (source, imports) {
    return Promise.resolve(source).then(function (response) {
      var copy = response.clone();
      return streaming(response, imports).then(function (result) {
        // The copy is only for the fallback: let it go.
        if (copy.body && copy.body.cancel) copy.body.cancel().catch(function () {});
        return result;
      }, function () {
        return copy.arrayBuffer().then(function (bytes) {
          return wa.instantiate(bytes, imports);
        });
      });
    });
  };
})();
