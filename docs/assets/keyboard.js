/* Keyboard use of Material's page chrome (checked by tests/test_keyboard.py).
   1. Below 76.25em the navigation is a drawer and, below 60em, the search a dialog, each opened by a
      <label> in the header that Tab cannot reach (site.css keeps the closed drawer and dialog out of
      the Tab order: they are off screen). Each label gets a button beside it that takes over its icon
      and its place (a <label> may not take role="button": ARIA in HTML, axe and Lighthouse flag it),
      and clicks the label, so Material's own handlers of the label run. Tab reaches it, Enter and Space
      press it. The label is hidden (site.css .mc-label-with-button): it names a hidden checkbox, a label
      of nothing to a checker (IBM Equal Access label_ref_valid). Escape closes the drawer and returns
      focus to its button; the search button moves focus into the opened search field.
   2. Escape in the search dialog gives focus back to the element that had it before the search
      field. Material closes the dialog and blurs the field, which leaves focus nowhere; focus moves
      here when Material unticks its search toggle, just before it blurs the field.
   3. A section of the navigation opens with a <label> of its hidden toggle that has a tabindex
      (overrides/partials/nav-item.html): to a screen reader no button and no state, and Space scrolled
      the page. The label's content becomes a button (a span: a label may not take a role) with the
      section's expanded state (aria-expanded) and the section it controls; Enter and Space press it. The
      label lets go of its toggle (no `for`, no tabindex): a click on it ticks the toggle here, so no
      control is named by a label of a hidden field (IBM Equal Access label_ref_valid). Without
      JavaScript the label works as Material made it.
   4. The search form's submit button (overrides/partials/search.html) does what Enter in the field does in
      Material's script: open the first result, the one with the highest score; with no result yet, focus
      goes back to the field. Material closes the search on Tab; Tab from the field to the button, shown
      once there is a query, keeps it open.
   5. The language button (overrides/partials/alternate.html) says whether its list is open (aria-expanded):
      Material opens it by CSS, while the pointer is over it or focus is in it.
   Without JavaScript the labels work as Material made them. */
(function () {
  var escape = false;
  document.addEventListener("keydown", function (event) { escape = event.key === "Escape"; }, true);
  document.addEventListener("pointerdown", function () { escape = false; }, true);

  function headerButton(toggle, named) {
    var label = document.querySelector('.md-header label[for="' + toggle.id + '"]');
    if (!label || !named) return null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon mc-header-button";
    button.setAttribute("data-mc-toggle", toggle.id);
    button.setAttribute("aria-label", named.getAttribute("aria-label"));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.parentNode.insertBefore(button, label);
    label.classList.add("mc-label-with-button");
    button.addEventListener("click", function () { label.click(); });
    var expanded = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    expanded();
    toggle.addEventListener("change", expanded);
    return button;
  }

  var drawer = document.getElementById("__drawer");
  var menu = drawer && headerButton(drawer, document.querySelector(".md-nav--primary"));
  if (menu) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        menu.click();
        menu.focus();
      }
    });
  }

  var searchToggle = document.getElementById("__search");
  var search = document.querySelector(".md-search");
  var field = document.querySelector(".md-search__input");
  if (searchToggle && search && field) {
    var searchButton = headerButton(searchToggle, field);
    var before = null;
    field.addEventListener("focus", function (event) {
      if (!search.contains(event.relatedTarget)) before = event.relatedTarget;
    });
    searchToggle.addEventListener("change", function () {
      if (searchToggle.checked && searchButton && document.activeElement === searchButton) field.focus();
      if (!searchToggle.checked && escape && before && before.isConnected) before.focus();
    });
  }

  var submit = field && field.form && field.form.querySelector(".mc-search-submit");
  if (submit) {
    field.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var results = document.querySelector('[data-md-component="search-result"]');
      var links = results ? Array.prototype.slice.call(results.querySelectorAll(":first-child [href]")) : [];
      var best = null, score = -Infinity;
      links.forEach(function (link) {
        var value = parseFloat(link.firstElementChild && link.firstElementChild.getAttribute("data-md-score"));
        if (value > score) { score = value; best = link; }
      });
      best = best || links[0];
      if (best) best.click();
      else field.focus();
    });
    field.addEventListener("keydown", function (event) {
      if (event.key === "Tab" && !event.shiftKey && getComputedStyle(submit).visibility === "visible") {
        event.stopPropagation();  // Material's handler (on window) would close the search and hide the button
      }
    });
  }

  var languages = document.querySelector(".md-header .md-select");
  var languageButton = languages && languages.querySelector("button[aria-controls]");
  if (languageButton) {
    var hovered = false;
    var language = function (open) { languageButton.setAttribute("aria-expanded", String(open)); };
    language(languages.matches(":hover, :focus-within"));
    languages.addEventListener("pointerenter", function () { hovered = true; language(true); });
    languages.addEventListener("pointerleave", function () {
      hovered = false;
      language(languages.contains(document.activeElement));
    });
    languages.addEventListener("focusin", function () { language(true); });
    languages.addEventListener("focusout", function (event) { language(hovered || languages.contains(event.relatedTarget)); });
  }

  function press(button) {
    button.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        button.click();
      }
    });
  }

  document.querySelectorAll('.md-nav--primary label.md-nav__link[for^="__nav_"][tabindex]').forEach(function (label) {
    var toggle = document.getElementById(label.getAttribute("for"));
    var section = document.querySelector('nav[aria-labelledby="' + label.id + '"]');
    if (!toggle || !section) return;
    var button = document.createElement("span");
    button.className = "mc-nav-button";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    if (!section.id) section.id = label.id.replace(/_label$/, "_section");
    button.setAttribute("aria-controls", section.id);
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    label.removeAttribute("tabindex");
    label.removeAttribute("for");
    label.addEventListener("click", function (event) {
      event.preventDefault();
      toggle.click();
    });
    var expanded = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    expanded();
    toggle.addEventListener("change", expanded);
    press(button);
  });
})();
