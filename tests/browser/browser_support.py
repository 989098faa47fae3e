"""What the browser tests and benchmarks/page_weight.py share: Chromium, the static server, page discovery,
visiting a page while recording what it does, and axe-core.

One job a function; nothing here asserts (the tests do), so the benchmark can reuse it.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import html.parser
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from build_scripts.commands.serve import QuietServer

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
LANGUAGES = ("vi", "en")
OTHER_LANGUAGE = {"vi": "en", "en": "vi"}
BLOCKING_IMPACTS = ("critical", "serious")
CHART_TIMEOUT_MS = 20_000
ACTION_TIMEOUT_MS = 10_000


# --- Chromium -------------------------------------------------------------------------------------------


def chromium_problem() -> str | None:
    """Why Chromium cannot be used here, or None when it can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: install Debian's Chromium with `apt-get install -y chromium` (or `make browser`)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is not executable"
    return None


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def chromium_gate() -> tuple[str, str | None]:
    """('run', None) when Chromium is usable; otherwise ('skip', why) locally and ('fail', why) in CI."""
    problem = chromium_problem()
    if problem is None:
        return "run", None
    if in_ci():
        return "fail", f"CI is true and {problem}; the browser tests must run in CI, never skip."
    return "skip", f"browser tests skipped: {problem} (in CI they fail instead)"


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def phone_context(browser, **options):
    """A phone-sized browsing context (360 x 740 CSS pixels, touch, mobile viewport handling)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, **options)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context


def desktop_context(browser, **options):
    context = browser.new_context(viewport=DESKTOP, **options)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    return context


# --- The site: build and serve ------------------------------------------------------------------------


def build_site(site_dir: Path, package: Path = REPO / "datapackage") -> subprocess.CompletedProcess:
    """Build the real site with the project's own command into site_dir; generated pages go to a build
    folder beside it (never the shared build/)."""
    build_dir = site_dir.parent / f"{site_dir.name}-build"
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "build", "--package", str(package),
         "--site-dir", str(site_dir), "--build-dir", str(build_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
        ".parquet": "application/vnd.apache.parquet",
    }

    # Text is sent gzip-compressed when the browser accepts it, as static hosts (GitHub Pages) do, so the
    # bytes measured on the wire are the bytes a reader downloads.
    compressible = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".md", ".webmanifest")

    def do_GET(self):  # noqa: N802 - the base class's name
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in self.compressible):
            return super().do_GET()
        body = _gzipped(str(path), path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@functools.lru_cache(maxsize=4096)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


@contextlib.contextmanager
def serve(site_dir: Path):
    """Serve site_dir on 127.0.0.1 with a free port from a thread; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- Which pages to visit -----------------------------------------------------------------------------


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def site_paths_in_order(page_file: Path, page_path: str) -> list[str]:
    """The site paths (like 'indicators/grdp/') a built page links to, in document order, without repeats."""
    parser = _Links()
    parser.feed(page_file.read_text(encoding="utf-8"))
    seen: list[str] = []
    for href in parser.hrefs:
        url = urlsplit(urljoin("http://site/" + page_path, href))
        if url.netloc != "site":
            continue
        path = url.path.lstrip("/")
        if path not in seen:
            seen.append(path)
    return seen


def _first_listed(listed: list[str], prefix: str) -> str | None:
    for path in listed:
        rest = path[len(prefix):]
        if path.startswith(prefix) and rest.strip("/") and "/" not in rest.strip("/"):
            return path if path.endswith("/") else path + "/"
    return None


def _first_on_disk(site_dir: Path, prefix: str) -> str | None:
    pages = sorted(p.parent.name for p in (site_dir / prefix).glob("*/index.html"))
    return f"{prefix}{pages[0]}/" if pages else None


def discover_pages(site_dir: Path, focus_unit: str = "bac-ninh") -> dict[str, str | None]:
    """Vietnamese paths of the pages the suite visits: home, an indicator, a province, the first listed report.

    The indicator and the report are the first ones the home page (content and navigation) links to;
    the province is the focus province when it has a page. None means the site has no such page.
    """
    listed = site_paths_in_order(site_dir / "index.html", "")
    focus = f"provinces/{focus_unit}/"
    return {
        "home": "",
        "indicator": _first_listed(listed, "indicators/") or _first_on_disk(site_dir, "indicators/"),
        "province": focus if (site_dir / focus / "index.html").exists()
        else _first_listed(listed, "provinces/") or _first_on_disk(site_dir, "provinces/"),
        "report": _first_listed(listed, "reports/"),
    }


def reports_exist(site_dir: Path) -> bool:
    """Whether the site, or the code that builds it (a report page type), has period reports at all."""
    code = REPO / "build_scripts"
    return any((site_dir / "reports").glob("*/index.html")) or any(
        path for pattern in ("pages/*report*.py", "templates/*report*.j2") for path in code.glob(pattern)
    )


def localized(path: str, lang: str) -> str:
    return path if lang == "vi" else f"{lang}/{path}"


# --- Visiting a page ------------------------------------------------------------------------------------

# True once every chart container holds a view vega-embed has drawn (an SVG or canvas with a size).
CHARTS_STATE_JS = """
() => Array.from(document.querySelectorAll('.bn-chart')).map((el, i) => {
  const host = el.classList.contains('vega-embed') ? el : el.querySelector('.vega-embed');
  const marks = host ? host.querySelector('svg.marks, canvas.marks') : null;
  const box = marks ? marks.getBoundingClientRect() : null;
  const figure = el.closest('figure');
  const fallback = figure ? figure.querySelector('img.bn-chart-fallback') : null;
  const fallbackBox = fallback ? fallback.getBoundingClientRect() : null;
  return {
    index: i,
    spec: el.getAttribute('data-spec') || '',
    embedded: !!host,
    renderer: marks ? marks.tagName.toLowerCase() : null,
    width: box ? Math.round(box.width) : 0,
    height: box ? Math.round(box.height) : 0,
    fallbackShown: !!(fallbackBox && fallbackBox.width > 0 && fallbackBox.height > 0),
  };
})
"""
ALL_CHARTS_DRAWN_JS = f"() => ({CHARTS_STATE_JS})().every(c => c.renderer && c.width > 0 && c.height > 0)"

# Installed before any page script: records when the last chart container got its drawn view.
CHART_CLOCK_INIT_JS = """
(() => {
  const drawn = () => {
    const charts = document.querySelectorAll('.bn-chart');
    if (!charts.length) return false;
    return Array.from(charts).every(el => {
      const host = el.classList.contains('vega-embed') ? el : el.querySelector('.vega-embed');
      const marks = host && host.querySelector('svg.marks, canvas.marks');
      if (!marks) return false;
      const box = marks.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    });
  };
  const observer = new MutationObserver(() => {
    if (window.__bnChartsDrawnAt === undefined && drawn()) {
      window.__bnChartsDrawnAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true, attributes: true});
})();
"""

# Sparklines are static SVG images (img.bn-sparkline, lazy-loaded): scroll to each as a reader would, then
# report whether it loaded and what it says to a screen reader.
SPARKLINES_JS = """
async () => {
  const out = [];
  for (const img of document.querySelectorAll('img.bn-sparkline')) {
    img.scrollIntoView({block: 'center'});
    if (!img.complete) await new Promise(r => { img.addEventListener('load', r); img.addEventListener('error', r); setTimeout(r, 5000); });
    out.push({src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0, alt: (img.getAttribute('alt') || '').trim()});
  }
  window.scrollTo(0, 0);
  return out;
}
"""

# A reader's first sign of wanting the live charts: the keyboard's focus on the first chart figure.
WAKE_CHARTS_JS = """
() => { const figure = document.querySelector('figure.bn-figure[tabindex]'); if (figure) figure.focus(); return !!figure; }
"""
# The page's height and each chart figure's box: what must not move when the live charts replace the images.
FIGURE_BOXES_JS = """
() => ({height: document.documentElement.scrollHeight,
        figures: Array.from(document.querySelectorAll('figure.bn-figure')).map(f => {
          const r = f.getBoundingClientRect(); return [Math.round(r.top + window.scrollY), Math.round(r.height)]; })})
"""
BUNDLE = "vendor/vega-bundle.js"

SCROLL_JS = """
() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
        bodyScrollWidth: document.body ? document.body.scrollWidth : 0})
"""

# The widest elements sticking out of the viewport: to tell the site engineer what to fix.
OVERFLOW_CULPRITS_JS = """
() => Array.from(document.querySelectorAll('body *'))
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
  .filter(el => !el.closest('.md-sidebar, .md-search, [hidden]'))
  .filter(el => !(el.parentElement && el.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
  .slice(0, 8)
  .map(el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''} right=${Math.round(el.getBoundingClientRect().right)}`)
"""


@dataclass
class Recorder:
    """Everything a context did that a test checks: requests, failed responses, console errors, page errors."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, context) -> "Recorder":
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", lambda request: self.failed.append(f"{request.url} ({request.failure})"))
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.page_errors.append(str(error.error)))
        return self

    def _on_response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def _on_console(self, message):
        if message.type == "error":
            where = message.location or {}
            self.console_errors.append(f"{message.text} [{where.get('url', '')}:{where.get('lineNumber', '')}]")

    def outside_requests(self) -> list[str]:
        return sorted({url for url in self.requests if not _on_site(url)})


def served_file(site_dir: Path, url: str) -> Path | None:
    """The file of site_dir that answers url (a folder answers with its index.html), or None."""
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site_dir / path
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def gzip_size(file: Path) -> int:
    """What a static host sending gzip would transfer for file's body."""
    return len(_gzipped(str(file), file.stat().st_mtime_ns))


def _on_site(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1"


@dataclass
class Visit:
    """One page seen at phone width: what it asked for, said and drew, and what axe-core found."""

    url: str
    status: int | None
    lang_attribute: str
    recorder: Recorder
    charts: list[dict]
    sparklines: list[dict]
    charts_drawn_ms: float | None
    bundle_before_touch: bool  # the Vega bundle was requested before a reader touched a chart
    requests_before_touch: list[str]  # what the page asked for before that
    boxes_before: dict  # FIGURE_BOXES_JS with the build's images, before the charts were drawn
    boxes_after: dict  # the same once the live charts replaced them
    scroll: dict
    overflow_culprits: list[str]
    axe_blocking: list[dict]
    axe_all: list[dict]


def visit(browser, url: str, *, run_axe: bool = True) -> Visit:
    """Open url at phone width, wait for the charts, then measure everything the page tests check."""
    context = phone_context(browser)
    recorder = Recorder().attach(context)
    context.add_init_script(CHART_CLOCK_INIT_JS)
    page = context.new_page()
    try:
        response = page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        requests_before_touch = list(recorder.requests)
        bundle_before_touch = any(u.endswith(BUNDLE) for u in requests_before_touch)
        boxes_before = page.evaluate(FIGURE_BOXES_JS)
        page.evaluate(WAKE_CHARTS_JS)
        with contextlib.suppress(Exception):  # an undrawn chart is reported by the chart test, not here
            page.wait_for_function(ALL_CHARTS_DRAWN_JS, timeout=CHART_TIMEOUT_MS)
        page.wait_for_load_state("networkidle")
        boxes_after = page.evaluate(FIGURE_BOXES_JS)
        charts = page.evaluate(CHARTS_STATE_JS)
        sparklines = page.evaluate(SPARKLINES_JS)
        drawn_at = page.evaluate("() => window.__bnChartsDrawnAt ?? null")
        scroll = page.evaluate(SCROLL_JS)
        culprits = page.evaluate(OVERFLOW_CULPRITS_JS) if scroll["scrollWidth"] > PHONE["width"] + 1 else []
        violations = axe_violations(page) if run_axe else []
        return Visit(
            url=url,
            status=response.status if response else None,
            lang_attribute=page.evaluate("() => document.documentElement.lang"),
            recorder=recorder,
            charts=charts,
            sparklines=sparklines,
            charts_drawn_ms=drawn_at,
            bundle_before_touch=bundle_before_touch,
            requests_before_touch=requests_before_touch,
            boxes_before=boxes_before,
            boxes_after=boxes_after,
            scroll=scroll,
            overflow_culprits=culprits,
            axe_blocking=[v for v in violations if v.get("impact") in BLOCKING_IMPACTS],
            axe_all=violations,
        )
    finally:
        context.close()


# --- axe-core -------------------------------------------------------------------------------------------


# The titles of Material's search results, in their order.
SEARCH_TITLES_JS = """() => Array.from(document.querySelectorAll('.md-search-result__item h1'))
  .map(h => h.innerText.trim()).filter(Boolean)"""


def search(page, query: str, expected: str, timeout_ms: int = 15_000) -> tuple[list[str], str]:
    """Type ``query`` into Material's search box as a reader does, and wait until a title among the first ten
    results holds ``expected`` or the time is up (the results follow the typing: "h", "ha", ... each show
    theirs first). Returns the first ten titles and the text of the results, for the caller to assert on."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    try:
        page.wait_for_function(f"(expected) => ({SEARCH_TITLES_JS})().slice(0, 10).some(t => t.includes(expected))",
                               arg=expected, timeout=timeout_ms)
    except PlaywrightTimeout:
        pass  # the caller's assertion shows what the results were
    return page.evaluate(SEARCH_TITLES_JS)[:10], page.locator(".md-search-result").inner_text()


def axe_violations(page, context: dict | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now (axe.min.js shipped by axe-playwright-python);
    context limits the check to parts of the page ({"include": [[selector], ...]})."""
    page.evaluate(_axe_script())
    results = page.evaluate(
        "([context, options]) => axe.run(context || document, options)",
        [context, {"resultTypes": ["violations"]}],
    )
    return sorted(results["violations"], key=lambda v: (BLOCKING_IMPACTS + ("moderate", "minor")).index(v.get("impact") or "minor"))


@functools.lru_cache(maxsize=1)
def _axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def format_violations(violations: list[dict], limit_nodes: int = 5) -> str:
    """A readable list of axe violations: rule, impact, what to do, and where (selector and HTML)."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v.get('help')} [{len(v.get('nodes', []))} element(s)]")
        for node in v.get("nodes", [])[:limit_nodes]:
            target = " ".join(str(t) for t in node.get("target", []))
            snippet = " ".join((node.get("html") or "").split())[:200]
            summary = " ".join((node.get("failureSummary") or "").split())[:300]
            lines.append(f"    at {target}: {snippet}")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)
