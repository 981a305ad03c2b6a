/* The admin's review queue: the "select all" box ticks or clears every item. Our own code. */
(function () {
  "use strict";
  var all = document.getElementById("cb-all");
  if (!all) return;
  all.addEventListener("change", function () {
    document.querySelectorAll("input[name=ids]").forEach(function (box) { box.checked = all.checked; });
  });
})();
