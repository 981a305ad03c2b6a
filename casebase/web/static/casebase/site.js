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

  /* "Cite this": copy a permalink or a citation in one click. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.className = "visually-hidden";
    document.body.appendChild(area); area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("button.copy[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.dataset.copy);
    if (!source) return;
    var text = source.value !== undefined && source.tagName === "INPUT" ? source.value : source.textContent.trim();
    var box = button.closest(".cite-body"), status = box && box.querySelector(".copy-status");
    copyText(text).then(function () {
      var label = button.textContent;
      button.textContent = "Copied";
      if (status) status.textContent = "Copied to the clipboard.";
      setTimeout(function () { button.textContent = label; }, 1500);
    }, function () {
      if (source.select) source.select();
      if (status) status.textContent = "Select the text and copy it with your keyboard.";
    });
  });
})();
