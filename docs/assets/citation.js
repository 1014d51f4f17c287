/* A page's citation (macros/rendering/templates/citation.html), completed in the reader's browser: the page's
   address when the build had none to give (a build without site_url), and the day the reader looked at it, in
   the page's language ("geraadpleegd op 7 december 2026", "accessed on 7 December 2026"). The build cannot know
   that day. Without JavaScript the citation stays as built. Checked by tests/test_citation.py. */
(function () {
  var lang = document.documentElement.lang === "en" ? "en-GB" : (document.documentElement.lang || "nl");
  var two = function (n) { return (n < 10 ? "0" : "") + n; };
  document.querySelectorAll(".mc-citation__page").forEach(function (cited) {
    var accessed = cited.querySelector(".mc-accessed");
    if (!accessed) return;
    if (!cited.querySelector(".mc-url")) {
      var address = location.origin + location.pathname;
      var link = document.createElement("a");
      link.className = "mc-url";
      link.href = address;
      link.textContent = address;
      cited.insertBefore(document.createTextNode(" "), accessed);
      cited.insertBefore(link, accessed);
    }
    var today = new Date();
    var time = document.createElement("time");
    time.dateTime = today.getFullYear() + "-" + two(today.getMonth() + 1) + "-" + two(today.getDate());
    time.textContent = today.toLocaleDateString(lang, {day: "numeric", month: "long", year: "numeric"});
    var parts = accessed.getAttribute("data-mc-accessed").split("{date}");
    accessed.textContent = parts[0];
    accessed.appendChild(time);
    accessed.appendChild(document.createTextNode(parts[1] || ""));
    accessed.hidden = false;
  });
})();
