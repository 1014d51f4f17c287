/* The results table as cards on a narrow screen (site.css: display block/grid) is no table to WebKit, which
   then reads its cells without their row and column names. Explicit roles keep it a table. They are set here
   rather than in the HTML, where the HTML standard forbids them on a table's own elements (the Nu HTML
   Checker refuses them); without JavaScript the table keeps its native semantics everywhere but WebKit's
   stacked cards. Checked by tests/test_phone.py. */
(function () {
  var inner = [["thead, tbody", "rowgroup"], ["tr", "row"], ["th[scope=col]", "columnheader"],
               ["th[scope=row]", "rowheader"], ["td", "cell"]];
  document.querySelectorAll("table.mc-results").forEach(function (table) {
    table.setAttribute("role", "table");
    inner.forEach(function (pair) {
      table.querySelectorAll(pair[0]).forEach(function (element) { element.setAttribute("role", pair[1]); });
    });
  });
})();
