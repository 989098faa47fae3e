/* Bắc Ninh Open Data: wide tables can be scrolled with the keyboard.
 *
 * mkdocs-material wraps every table in <div class="md-typeset__scrollwrap"> (overflow: auto) while the
 * page loads. A wrapper that scrolls gets tabindex="0", role="region" and the name of the section it is
 * in (the nearest heading before it, else the table's first header cell), so keyboard users can reach
 * and scroll it (axe: scrollable-region-focusable). Runs again on instant navigation (document$) and
 * when the window is resized. No words of its own: the label is the page's heading.
 */
(function () {
  "use strict";

  function label(wrap) {
    var node = wrap;
    while (node) {
      var prev = node.previousElementSibling;
      while (prev) {
        if (/^H[1-6]$/.test(prev.tagName)) { return prev.textContent.trim(); }
        prev = prev.previousElementSibling;
      }
      node = node.parentElement;
      if (!node || node.classList.contains("md-content")) { break; }
    }
    var th = wrap.querySelector("th");
    return th ? th.textContent.trim() : "";
  }

  function mark() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1) {
        if (!wrap.hasAttribute("tabindex")) {
          wrap.setAttribute("tabindex", "0");
          wrap.setAttribute("role", "region");
          var name = label(wrap);
          if (name) { wrap.setAttribute("aria-label", name); }
        }
      }
    }
  }

  function soon() { window.requestAnimationFrame(mark); }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(soon);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", soon);
  } else {
    soon();
  }
  window.addEventListener("load", soon);
  window.addEventListener("resize", soon);
})();
