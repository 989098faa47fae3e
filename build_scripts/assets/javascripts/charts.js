/* Bắc Ninh Open Data: live charts.
 *
 * Every <div class="bn-chart" data-spec="..."> of the page shows its build-time SVG image first: that
 * image already answers (labels, values, the focus province). The Vega bundle is loaded only when a
 * reader wants more: at the first touch, pointer or keyboard focus on a chart figure or on a chart
 * control of the page. Then each chart's Vega-Lite spec is fetched (the URL is relative to the page; the
 * spec's data URL is relative to the spec) and drawn with vega-embed as SVG, numbers and dates in the
 * page's language (<html lang>), out of sight (charts.css) until it is drawn; then it takes the image's
 * place in one step, at the same size. The bundle and the locales are served by the site itself, next
 * to this file. Without JavaScript and in print the figure shows its SVG image.
 * Works with mkdocs-material's instant navigation (document$). Nothing is logged as an error: a chart
 * that cannot be drawn keeps its image.
 *
 * A chart whose spec binds its param "period" to an element of the page (usermeta.period_select, a CSS
 * selector of a <select> written in the page, inside a .bn-chart-control hidden without JavaScript)
 * follows that control: the controls are shown as soon as this script runs, choosing a period draws the
 * charts, which start at the period chosen, and Vega follows the element itself from then on (a binding
 * to an existing element). When the period changes, the figure's caption and the chart's label become
 * that period's description (usermeta.period_descriptions).
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[src$='charts.js']");
  var base = new URL(".", script ? script.src : document.baseURI);
  var bundleUrl = new URL("vendor/vega-bundle.js", base).href;
  var localesUrl = new URL("chart-locales.json", base).href;
  var ready = null;   // Promise of the locales once the bundle is loaded
  var views = [];     // {el, view} of drawn charts, finalised when their element leaves the page

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.vegaEmbed) { resolve(); return; }
      var tag = document.createElement("script");
      tag.src = src;
      tag.async = true;
      tag.onload = function () { resolve(); };
      tag.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(tag);
    });
  }

  function loadOnce() {
    if (!ready) {
      ready = Promise.all([
        loadScript(bundleUrl),
        fetch(localesUrl).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; })
      ]).then(function (results) { return results[1]; });
      ready.catch(function () { ready = null; });  // allow a retry on the next page
    }
    return ready;
  }

  function pageLang() {
    var lang = (document.documentElement.getAttribute("lang") || "").toLowerCase();
    return lang.split("-")[0];
  }

  function draw(el, locales) {
    var specUrl = new URL(el.getAttribute("data-spec"), document.baseURI);
    var locale = locales[pageLang()] || {};  // a language without a locale keeps Vega's default
    return fetch(specUrl.href)
      .then(function (r) {
        if (!r.ok) { throw new Error(specUrl.href + ": " + r.status); }
        return r.json();
      })
      .then(function (spec) {
        var options = {
          actions: false,
          renderer: "svg",
          loader: { baseURL: new URL(".", specUrl).href },  // the data URL is relative to the spec
          formatLocale: locale.format,
          timeFormatLocale: locale.time,
          tooltip: { theme: "custom" }
        };
        return window.vegaEmbed(el, spec, options);
      })
      .then(function (result) {
        views.push({ el: el, view: result.view });
        el.setAttribute("data-bn-state", "drawn");
        var figure = el.closest("figure");
        if (figure) { figure.classList.add("bn-live"); }
        followPeriod(el, figure, result);
      })
      .catch(function (err) {
        el.setAttribute("data-bn-state", "failed");
        if (window.console && console.warn) { console.warn("chart kept as image:", err && err.message); }
      });
  }

  // The period control of a chart bound to one: shown, and the caption kept true to the period drawn.
  function followPeriod(el, figure, result) {
    var meta = (result.spec && result.spec.usermeta) || {};
    if (!meta.period_select) { return; }
    var control = document.querySelector(meta.period_select);
    if (!control) { return; }
    var box = control.closest(".bn-chart-control");
    if (box) { box.hidden = false; }
    var descriptions = meta.period_descriptions || {};
    var caption = figure ? figure.querySelector("figcaption") : null;
    var describe = function (name, period) {
      var text = descriptions[period];
      if (!text) { return; }
      if (caption) { caption.textContent = text; }
      var svg = el.querySelector("svg[aria-label]");
      if (svg) { svg.setAttribute("aria-label", text); }
    };
    result.view.addSignalListener("period", describe);
    if (control.value && control.value !== result.view.signal("period")) {
      result.view.signal("period", control.value).runAsync();  // chosen before the chart was drawn
    }
    describe("period", control.value || result.view.signal("period"));
  }

  function finaliseDetached() {
    views = views.filter(function (entry) {
      if (document.body.contains(entry.el)) { return true; }
      entry.view.finalize();
      return false;
    });
  }

  // The first sign that a reader wants the live charts: a touch, a pointer or the keyboard's focus on a
  // chart figure or a chart control.
  var WAKE_EVENTS = ["pointerdown", "pointerenter", "touchstart", "focusin"];

  function drawAll() {
    var pending = Array.prototype.slice.call(
      document.querySelectorAll(".bn-chart[data-spec][data-bn-state=waiting]"));
    if (!pending.length) { return; }
    pending.forEach(function (el) { el.setAttribute("data-bn-state", "loading"); });
    loadOnce().then(function (locales) {
      return Promise.all(pending.map(function (el) { return draw(el, locales || {}); }));
    }).catch(function (err) {
      pending.forEach(function (el) { el.setAttribute("data-bn-state", "failed"); });
      if (window.console && console.warn) { console.warn("charts kept as images:", err && err.message); }
    });
  }

  function run() {
    finaliseDetached();
    var pending = Array.prototype.slice.call(
      document.querySelectorAll(".bn-chart[data-spec]:not([data-bn-state])"));
    if (!pending.length) { return; }
    var wake = function () { drawAll(); };
    var targets = [];
    pending.forEach(function (el) {
      el.setAttribute("data-bn-state", "waiting");
      var figure = el.closest("figure");
      if (figure && targets.indexOf(figure) < 0) { targets.push(figure); }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".bn-chart-control"), function (box) {
      box.hidden = false;  // a period can be chosen before the charts are drawn
      box.addEventListener("change", wake, { once: true });
      targets.push(box);
    });
    targets.forEach(function (target) {
      WAKE_EVENTS.forEach(function (type) { target.addEventListener(type, wake, { once: true, passive: true }); });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);  // mkdocs-material: fires on the first load and after instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
