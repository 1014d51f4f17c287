/* On a page of an edition that a newer edition has replaced: show the note (overrides/main.html, block
   outdated), link it to the same page in the newest edition (or that edition's home page in this language,
   when the page is not in it), and take back "the current edition" at the end of the page. Only editions
   published with mike have the note, and a list of editions (versions.json, newest first) beside them. */
(function () {
  var note = document.querySelector("[data-md-component=outdated]");
  var config = JSON.parse(document.getElementById("__config").textContent);
  if (!note || !config.version) { return; }
  var edition = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var name = edition.pathname.split("/").filter(Boolean).pop();
  var inEdition = location.pathname.slice(edition.pathname.length);
  var language = document.documentElement.lang;
  var languageHome = inEdition.split("/")[0] === language ? language + "/" : "";
  fetch(new URL("../versions.json", edition)).then(function (response) {
    return response.ok ? response.json() : [];
  }).then(function (versions) {
    var newest = versions[0];
    var own = versions.filter(function (v) { return v.version === name || v.aliases.indexOf(name) !== -1; })[0];
    if (!newest || !own || own.version === newest.version) { return; }
    var home = new URL("../" + newest.version + "/", edition);
    return fetch(new URL("sitemap.xml", home)).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (sitemap) {
      var pages = Array.prototype.map.call(
        new DOMParser().parseFromString(sitemap, "application/xml").getElementsByTagName("loc"),
        function (loc) { return new URL(loc.textContent, home).pathname; });
      var same = new URL(inEdition, home);
      var link = note.querySelector(".mc-newer-edition__link");
      link.href = pages.indexOf(same.pathname) !== -1 ? same.href + location.hash : new URL(languageHome, home).href;
      note.hidden = false;
      Array.prototype.forEach.call(document.querySelectorAll(".mc-edition-current"), function (claim) {
        claim.hidden = true;
      });
    });
  });
})();
