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
// 4. A download that stalls (a weak signal keeps the connection open and sends nothing) never
//    leaves the resident on "loading": after STALL_MS with nothing arriving, index.html's
//    notice says so, with a retry and the plain list. Each piece of the Wasm that arrives is
//    progress: a slow download still moving is left alone, and says how far it is.
// 5. The service worker (offline use) is registered once the app has started, so the first
//    visit's downloads are the page's alone; the worker then keeps what the browser already has.
// 6. A fault in the calculator (a trap in the WebAssembly: an engine's bug, a panic, memory
//    running out) leaves every later call into it failing. It is caught once for the whole
//    page, at start or in use: the page restarts on the JavaScript build (`?restart`) with the
//    answers that were on screen (the app keeps the latest in memory, window.minshengAnswers;
//    each age box as it shows now), carried in the address for that moment only, and the app
//    says it restarted. A fault on the JavaScript build, or again after a restart, goes to
//    list.html#failed: never a loop.
// 7. The first questions are in index.html, the app's own: answered while the calculator
//    downloads, handed to the app when it starts (below).
// 8. The texts shown only inside a fold (summaries, source texts) are fetched when a fold first
//    shows one (texts-*.json, beside the page; the service worker keeps it).
// window.minshengEngine says which one runs ("wasm" or "js"), for the tests and the benchmark.
(function () {
  "use strict";
  var fallback = function (why) {
    window.location.replace("list.html#" + (why === "failed" ? "failed" : "nowasm"));
  };
  // What this device keeps under `key` (null where storage is refused: private mode, a blocked
  // origin).
  var kept = function (store, key) {
    try {
      return window[store].getItem(key);
    } catch (e) {
      return null;
    }
  };
  var prefs = kept("localStorage", "minsheng.prefs") || "";
  // The wait in the reader's text size, as the app will show it (their preference, kept on the
  // device; never at the desk, which keeps nothing).
  if (/(^|,)large(,|$)/.test(prefs)) document.documentElement.className = "large";
  // The first questions (index.html carries the app's own, hidden: scripts/dist/first.mjs),
  // answered while the calculator downloads. Shown from here, once it is known that the app will
  // open on no other answers (a link's, the desk's, a restart's with the answers on screen, the
  // tab's or the device's kept ones) and not in English: then they go, and the wait shows as
  // before. So a slow boot script never shows them to the wrong reader, nor in the wrong text
  // size. (A restart after a fault at start, before the app had any answers, shows them again
  // with what was typed: kept over the reload, below.)
  var FIRST = "minsheng.first";
  var field = function (box) {
    return box.type === "checkbox" ? "checked" : box.tagName === "SELECT" ? "selectedIndex" : "value";
  };
  var first = document.querySelector("[data-member-form]");
  var boxes = function () {
    return [].slice.call(first.querySelectorAll("input, select"));
  };
  if (first && (location.hash.length > 1 || /[?&]desk(=|&|$)/.test(location.search) || /(^|,)en(,|$)/.test(prefs) ||
      kept("sessionStorage", "minsheng.answers") || kept("localStorage", "minsheng.answers"))) {
    first.form.parentNode.removeChild(first.form);
    first = null;
  } else if (first) {
    // Enter in the age box (a phone keyboard's "Go") submits a form with one text box: nothing
    // is sent (the CSP forbids it, with an error) before the app, which stops it itself.
    first.form.onsubmit = function () {
      return false;
    };
    // What was answered before a reload (the stall notice's retry among them) comes back; the
    // tab keeps it only until the app has it.
    try {
      var before = JSON.parse(kept("sessionStorage", FIRST)) || [];
      boxes().forEach(function (box, i) {
        if (i in before) box[field(box)] = before[i];
      });
    } catch (e) {
      // Not ours: the boxes as they are.
    }
    window.addEventListener("pagehide", function () {
      try {
        if (first) window.sessionStorage.setItem(FIRST, JSON.stringify(boxes().map(function (box) {
          return box[field(box)];
        })));
      } catch (e) {
        // No storage: a reload starts them afresh.
      }
    });
    first.form.hidden = false;
  }
  var focused = null;
  document.addEventListener("focusin", function (event) {
    focused = event.target;
  });
  // The app draws the page anew when it starts (it does not adopt index.html's markup): each
  // first question answered here is answered again on the app's own, as the resident's input
  // (the same events its questions listen to), and the focus and the caret go back where they
  // were. The values are set before the events, so no frame shows an empty box.
  var handOver = function () {
    if (!first || first.isConnected) return;
    boxes().forEach(function (was) {
      var now = byId(was.id);
      var at = field(was);
      if (now && now !== was && now[at] !== was[at]) {
        now[at] = was[at];
        now.dispatchEvent(new Event(at === "value" ? "input" : "change", { bubbles: true }));
      }
    });
    // (Read before the focus moves: focusing the box changes `focused`.)
    var was = focused;
    var box = was && first.contains(was) && byId(was.id);
    if (box) {
      box.focus();
      if (was.type === "text") box.setSelectionRange(was.selectionStart, was.selectionEnd);
    }
    first = null;
    try {
      window.sessionStorage.removeItem(FIRST);
    } catch (e) {
      // Nothing was kept.
    }
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
  var restarted = /[?&]restart(&|$)/.test(location.search);
  window.minshengEngine = compiles && !restarted ? "wasm" : "js";
  var failed = function () {
    fallback("failed");
  };
  var faulted = false;
  // `anyway`: the app could not start, trap or not.
  var fault = function (e, anyway) {
    var trap = !!e && (e.name === "RuntimeError" || e.message === "abort" || /^trap/.test(e));
    if (faulted || !(trap || anyway)) return;
    faulted = true;
    if (!trap || restarted || window.minshengEngine === "js") return failed();
    var root = document.documentElement;
    // No result stays on screen for answers the page no longer holds.
    root.className += " restarting";
    var hash = location.hash;
    try {
      var kept = JSON.parse(window.minshengAnswers);
      kept.ages = [].map.call(document.querySelectorAll("input[id$='-age']"), function (box) {
        return box.value;
      });
      hash = "#restart=" + btoa(unescape(encodeURIComponent(JSON.stringify(kept))));
    } catch (x) {
      // Nothing kept yet (a fault at start): the address as it was, a link's answers and all.
    }
    location.replace(location.pathname + (location.search ? location.search + "&" : "?") + "restart" + hash);
  };
  window.addEventListener("minsheng-failed", function (event) {
    fault(event.detail && event.detail.error, true);
  });
  window.addEventListener("error", function (event) {
    fault(event.error);
  });
  window.addEventListener("unhandledrejection", function (event) {
    fault(event.reason);
  });
  // The texts the page shows only inside a fold (a measure's summary, an item's source text) are
  // not in the first visit: an element <span data-text="N.zh|en|text"> is filled from
  // texts-*.json, fetched the first time a fold shows one (when it is written into an open fold,
  // or its fold opens). Where it cannot be fetched, the element says so, and opening its fold
  // again tries again. The service worker keeps the file for offline use.
  var texts = null;
  var fill = function (el) {
    var key = el.getAttribute("data-text");
    if (!key || el.shown === key || el.closest("details:not([open])")) return;
    el.shown = key;
    texts = texts || fetch(script.getAttribute("data-texts")).then(function (response) {
      if (!response.ok) throw response.status;
      return response.json();
    });
    texts.then(function (all) {
      var at = key.split(".");
      if (el.getAttribute("data-text") === key) el.textContent = all[at[0]][at[1]];
    }, function () {
      texts = null;
      el.shown = null;
      el.textContent = /^en/.test(document.documentElement.lang) ? "(could not be loaded: open this again when online)" : "（未能载入，请联网后再打开）";
    });
  };
  var fillIn = function (root) {
    if (root.nodeType !== 1) return;
    fill(root);
    [].forEach.call(root.querySelectorAll("[data-text]"), fill);
  };
  document.addEventListener("toggle", function (event) {
    if (event.target.open) fillIn(event.target);
  }, true);
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.type === "attributes") fill(r.target);
      else [].forEach.call(r.addedNodes, fillIn);
    });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-text"] });
  // A script of the app that cannot be fetched (its module graph fails, and start.js never runs).
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target.tagName === "SCRIPT") failed();
  }, true);
  var started = false;
  var loaded = false;
  // Keep the app for offline use (the service desk's network is unreliable), once the app has
  // started and the page has loaded: the worker's own fetches then find every file in the
  // browser's cache. Where the JavaScript build runs, the worker keeps it instead of the Wasm.
  var register = function () {
    if (started && loaded && "serviceWorker" in navigator && window.isSecureContext) {
      navigator.serviceWorker.register(window.minshengEngine === "js" ? "sw.js?engine=js" : "sw.js").catch(function () {});
    }
  };
  window.addEventListener("load", function () {
    loaded = true;
    register();
  });

  // The wait: how far the Wasm has come, and a way out if nothing arrives for STALL_MS.
  var STALL_MS = 10000;
  var wasmBytes = Number(script && script.getAttribute("data-wasm-bytes")) || 0;
  var received = 0;
  var last = Date.now();
  var byId = function (id) {
    return document.getElementById(id);
  };
  var progress = function (bytes) {
    last = Date.now();
    received += bytes;
    var stalled = byId("stalled");
    if (stalled) stalled.hidden = true;
    var shown = byId("loaded");
    if (shown && wasmBytes) shown.textContent = "（" + Math.min(99, Math.floor((100 * received) / wasmBytes)) + "%）";
  };
  var retry = byId("retry");
  if (retry) retry.onclick = function () {
    window.location.reload();
  };
  var watch = window.setInterval(function () {
    var stalled = byId("stalled");
    if (started || !stalled) window.clearInterval(watch);
    else if (Date.now() - last >= STALL_MS) stalled.hidden = false;
  }, 1000);
  window.addEventListener("TrunkApplicationStarted", function () {
    started = true;
    handOver();
    window.setTimeout(register, 0);
  });
  // The Wasm's body as it arrives, counted on its way to the compiler.
  var counted = function (response) {
    if (!response.body || typeof ReadableStream !== "function" || typeof Response !== "function") return response;
    var reader = response.body.getReader();
    var body = new ReadableStream({
      pull: function (controller) {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            controller.close();
            return;
          }
          progress(chunk.value.length);
          controller.enqueue(chunk.value);
        });
      },
      cancel: function (why) {
        return reader.cancel(why);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

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

  if (!compiles || restarted) {
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
      return streaming(counted(response), imports).then(function (result) {
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
