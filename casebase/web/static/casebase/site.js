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

  /* Thread colours: pages say data-lane="#rrggbb" (the Content-Security-Policy refuses style
     attributes); the colour becomes the --lane custom property, also in HTML inserted later. */
  function paintLanes(root) {
    if (root.matches && root.matches("[data-lane]")) root.style.setProperty("--lane", root.dataset.lane);
    root.querySelectorAll("[data-lane]").forEach(function (el) { el.style.setProperty("--lane", el.dataset.lane); });
  }
  paintLanes(document);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) { if (node.nodeType === 1) paintLanes(node); });
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
