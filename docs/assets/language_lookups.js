/* Material's language selector fetches sitemap.xml beside every <link rel="alternate"> to find the page
   in the other language: it expects alternates at the language roots. Ours already are the page's twins,
   as are the switch's links (hooks/language_links.py), so there is nothing to look up and each lookup
   would be a 404. Cancel them unsent: Material then leaves the switch's links to the browser.
   Runs before Material's bundle (overrides/main.html). */
(function () {
  var lookups = Array.prototype.map.call(document.querySelectorAll("link[rel=alternate][hreflang]"),
    function (link) { return new URL("sitemap.xml", link.href).href; });
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.languageLookup = lookups.indexOf(new URL(String(url), location.href).href) !== -1;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.languageLookup) { this.dispatchEvent(new ProgressEvent("abort")); return; }
    return send.apply(this, arguments);
  };
})();
