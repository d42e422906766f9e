// readout: the pages work without this script. It only moves keyboard focus to the passage a
// link points at (#s81-193 in a document, a discrepancy in a story), so screen readers and
// keyboard users continue reading there.
(function () {
  "use strict";
  function focusTarget() {
    if (!location.hash) return;
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!el) return;
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: false });
  }
  window.addEventListener("hashchange", focusTarget);
  document.addEventListener("DOMContentLoaded", focusTarget);
})();
