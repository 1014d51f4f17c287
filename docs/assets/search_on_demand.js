/* Search loads when the reader opens it, not with every page: Material fetches the search index and
   starts its worker (which then loads its language files) on every page, a third of a first view that
   most readers never use, and the index grows with the data (make bench). The index request waits until
   the search field is focused or the search opened (or a search term is to be highlighted, ?h=); the
   worker starts with the first message it is sent, which is the index. Runs before Material's bundle
   (overrides/main.html). */
(function () {
  var opened = false, waiting = [];
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = /\/search\/search_index\.json$/.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.searchIndex && !opened) { waiting.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  function start() {
    if (opened) { return; }
    opened = true;
    waiting.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }
  var Worker = window.Worker;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(new URL(String(url), location.href).pathname)) {
      return new Worker(url, options);
    }
    var worker = null, listeners = [];
    return {
      addEventListener: function () { worker ? worker.addEventListener.apply(worker, arguments) : listeners.push(arguments); },
      removeEventListener: function () { if (worker) { worker.removeEventListener.apply(worker, arguments); } },
      postMessage: function () {
        if (!worker) {
          worker = new Worker(url, options);
          listeners.forEach(function (listener) { worker.addEventListener.apply(worker, listener); });
        }
        worker.postMessage.apply(worker, arguments);
      },
      terminate: function () { if (worker) { worker.terminate(); } }
    };
  };
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) { start(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") { start(); }
  });
  if (new URL(location.href).searchParams.has("h")) { start(); }
})();
