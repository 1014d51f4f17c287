/* Each language has its own search index (hooks/search_per_language.py), but Material loads
   search/search_index.json from the site root for every language (with XMLHttpRequest). On the pages
   of a non-default language (overrides/main.html loads this file only there), ask for that language's
   index instead. Runs before Material's bundle; the page's base and language come from the page. */
(function () {
  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href).href;
  var shared = root + "search/search_index.json";
  var own = root + document.documentElement.lang + "/search/search_index.json";
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (String(url) === shared) { args[1] = own; }
    return open.apply(this, args);
  };
})();
