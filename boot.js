// Some in-app browsers (older WeChat cores among them) fail WebAssembly.instantiateStreaming on
// a good module, or on a server that sends the wrong MIME type. Where streaming fails for any
// reason, compile from the bytes instead, so the page still starts.
(function () {
  "use strict";
  var wa = window.WebAssembly;
  if (!wa || typeof wa.instantiateStreaming !== "function") return;
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
