/* Keyboard use of Material's page chrome (checked by tests/test_keyboard.py).
   1. Below 76.25em the navigation is a drawer and, below 60em, the search a dialog, each opened by a
      <label> in the header that Tab cannot reach (site.css keeps the closed drawer and dialog out of
      the Tab order: they are off screen). Give each label a button: a <label> may not take
      role="button" (ARIA in HTML; axe and Lighthouse flag it), so the button is a span around the
      label's icon, and its clicks reach the label as a pointer's do. Tab reaches it, Enter and Space
      press it. Escape closes the drawer and returns focus to its button; the search button moves
      focus into the opened search field.
   2. Escape in the search dialog gives focus back to the element that had it before the search
      field. Material closes the dialog and blurs the field, which leaves focus nowhere; focus moves
      here when Material unticks its search toggle, just before it blurs the field.
   3. A section of the navigation opens with a <label> of its hidden toggle that has a tabindex
      (overrides/partials/nav-item.html): to a screen reader no button and no state, and Space scrolled
      the page. The label's content becomes a button (a span: a label may not take a role) with the
      section's expanded state (aria-expanded) and the section it controls; Enter and Space press it. The
      label lets go of its toggle (no `for`, no tabindex): a click on it ticks the toggle here, so no
      control is named by a label of a hidden field (IBM Equal Access label_ref_valid). Without
      JavaScript the label works as Material made it. */
(function () {
  var escape = false;
  document.addEventListener("keydown", function (event) { escape = event.key === "Escape"; }, true);
  document.addEventListener("pointerdown", function () { escape = false; }, true);

  function headerButton(toggle, named) {
    var label = document.querySelector('.md-header label[for="' + toggle.id + '"]');
    if (!label || !named) return null;
    var button = document.createElement("span");
    button.className = "mc-header-button";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", named.getAttribute("aria-label"));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    var expanded = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    expanded();
    toggle.addEventListener("change", expanded);
    press(button);
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
