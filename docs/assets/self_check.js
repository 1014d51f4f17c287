/* The self-check's overview (docs/recyclers/self-check.md; checked by tests/test_self_check_browser.py).
   Worked out here from the answers on the page: the steps whose every question is answered "in place" (or
   "not applicable"); for each step with an answer "partly", "not yet" or "don't know", that step's help as the
   page gives it (the website's first actions, and what anyone can read or get); and the steps left unanswered,
   without a verdict on them. The overview goes into a live region, which also holds the next step (the second
   term), so that a screen reader reads it. Nothing is stored, sent or requested, and there is no score: the
   page's own words (data attributes) and links are all it uses. Without this script the page is a checklist. */
(function () {
  var overview = document.querySelector("[data-mc-self-check-summary]");
  if (!overview) return;
  var steps = Array.prototype.slice.call(document.querySelectorAll("[data-mc-step]"));
  var result = overview.querySelector(".mc-self-check__result");
  var make = overview.querySelector(".mc-self-check__make");
  var button = make.querySelector("button");
  var shown = false;
  var DONE = ["in_place", "not_applicable"];
  var TO_DO = ["partly", "not_yet", "dont_know"];

  function text(tag, words) {
    var element = document.createElement(tag);
    element.textContent = words;
    return element;
  }

  function title(step) {
    return step.querySelector(".mc-self-check__step-title").textContent;
  }

  function answers(step) {  // the chosen value of each question of the step (null when none is chosen)
    return Array.prototype.map.call(step.querySelectorAll("[data-mc-question]"), function (question) {
      var chosen = question.querySelector("input[type=radio]:checked");
      return chosen ? chosen.value : null;
    });
  }

  function help(step) {  // the step's help, as the page gives it, without its own id
    var copy = step.querySelector("[data-mc-help]").cloneNode(true);
    copy.removeAttribute("data-mc-help");
    return copy;
  }

  function group(parts, heading, found, withHelp) {  // a heading, then the steps found, as a list
    parts.appendChild(text("p", heading)).className = "mc-self-check__heading";
    var list = parts.appendChild(document.createElement("ul"));
    found.forEach(function (step) {
      var item = list.appendChild(text("li", title(step)));
      if (withHelp) item.appendChild(help(step));
    });
  }

  function among(values) {
    return function (value) { return values.indexOf(value) !== -1; };
  }

  function summary() {
    var inPlace = [], toDo = [], unanswered = [], answered = false;
    steps.forEach(function (step) {
      var given = answers(step);
      answered = answered || given.some(function (value) { return value !== null; });
      if (given.some(among(TO_DO))) toDo.push(step);
      else if (given.every(among(DONE)) && given.some(function (value) { return value === "in_place"; })) inPlace.push(step);
      else unanswered.push(step);
    });
    var parts = document.createDocumentFragment();
    if (!answered) {
      parts.appendChild(text("p", overview.dataset.nothingAnswered));
      return parts;
    }
    if (toDo.length) group(parts, overview.dataset.toDo, toDo, true);
    if (inPlace.length) group(parts, overview.dataset.inPlace, inPlace, false);
    if (unanswered.length) group(parts, overview.dataset.unanswered, unanswered, false);
    return parts;
  }

  overview.querySelector(".mc-self-check__no-script").hidden = true;
  make.hidden = false;
  button.addEventListener("click", function () {
    result.replaceChildren(summary());
    shown = true;
  });
  steps.forEach(function (step) {
    step.addEventListener("change", function () {
      if (shown) result.replaceChildren(text("p", overview.dataset.changed));
      shown = false;
    });
  });
})();
