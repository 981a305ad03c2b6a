/* casebase document reader: highlight every piece of the passage named by #span-<start>-<end>
   (a passage that crosses other spans is rendered in several pieces; CSS :target only marks the
   first). Our own code; without it the browser still jumps to the passage. */
(function () {
  "use strict";
  function highlight() {
    document.querySelectorAll(".is-target").forEach(function (el) { el.classList.remove("is-target"); });
    var m = /^#(span-\d+-\d+)$/.exec(location.hash);
    var cite = document.querySelector(".passage-cite"), citeLink = cite && cite.querySelector("a");
    if (cite) cite.hidden = !m;
    if (!m) return;
    if (citeLink) citeLink.href = citeLink.href.split("?")[0] + "?span=" + m[1].slice(5);
    var pieces = document.querySelectorAll('[data-span="' + m[1] + '"]');
    pieces.forEach(function (el) { el.classList.add("is-target"); });
    var first = document.getElementById(m[1]);
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: "center" });
    }
  }
  window.addEventListener("hashchange", highlight);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", highlight);
  else highlight();
})();
