/* casebase: shortcuts shared by every page. "/" jumps to the search field. Our own code. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
    var t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    if (document.getElementById("timeline-filters")) return; // the timeline's "/" focuses its own filter
    var field = document.getElementById("q") || document.getElementById("header-q");
    if (field) { ev.preventDefault(); field.focus(); }
  });
})();
