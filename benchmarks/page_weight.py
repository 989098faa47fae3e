"""How heavy and how fast are the portal's pages on a phone? Prints a table for each page at 360 x 740:
transferred bytes (text gzip-compressed, as a static host sends it; and the files' own sizes), requests, time until every
chart is drawn, DOMContentLoaded and load, and axe-core's result.

    .venv/bin/python benchmarks/page_weight.py                       # builds datapackage/ into a temp folder
    .venv/bin/python benchmarks/page_weight.py --site-dir site       # an already built site
    .venv/bin/python benchmarks/page_weight.py --throttle --screenshots /tmp/shots

Uses Debian's Chromium (/usr/bin/chromium) through Playwright and the browser tests' helpers
(tests/browser/browser_support.py); the site is served on 127.0.0.1 by a thread, so the times are the
browser's own work plus a local server, unless --throttle adds a slow phone network and CPU.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "browser")]  # run as a script: the repository and the test helpers

import browser_support as bs  # noqa: E402

# Chrome DevTools' "Fast 3G" profile, and a mid-range phone's CPU (4x slower than this machine).
FAST_3G = {"offline": False, "latency": 563, "downloadThroughput": 1.44e6 / 8, "uploadThroughput": 675e3 / 8}
CPU_SLOWDOWN = 4
SCREENS = 8  # screen-sized screenshots a page, from the top


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="benchmarks/page_weight.py", description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--site-dir", type=Path, help="a built site (default: build --package into a temp folder)")
    source.add_argument("--package", type=Path, default=REPO / "datapackage", help="data package to build (default: datapackage/)")
    parser.add_argument("--page", action="append", dest="pages", metavar="PATH",
                        help="site path to measure, like '' or 'en/indicators/grdp/' (repeatable; default: home and an indicator page, vi)")
    parser.add_argument("--runs", type=int, default=3, help="cold loads a page; times are the median (default 3)")
    parser.add_argument("--throttle", action="store_true", help="also measure on Fast 3G with a 4x slower CPU")
    parser.add_argument("--screenshots", type=Path, metavar="DIR", help="save phone and desktop screenshots of each page here")
    return parser.parse_args(argv)


def load_once(browser, site_dir: Path, url: str, throttle: bool) -> dict:
    """One cold load at phone width: bytes, requests, timings; the bytes also before a chart is touched (the
    live charts' bundle loads only then)."""
    context = bs.phone_context(browser)
    context.add_init_script(bs.CHART_CLOCK_INIT_JS)
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    try:
        if throttle:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", FAST_3G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            page.set_default_timeout(180_000)
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        before_touch = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished)
        page.evaluate(bs.WAKE_CHARTS_JS)
        try:
            page.wait_for_function(bs.ALL_CHARTS_DRAWN_JS, timeout=60_000 if throttle else bs.CHART_TIMEOUT_MS)
        except Exception:  # noqa: BLE001 - an undrawn chart shows as "not drawn" in the table
            pass
        page.wait_for_load_state("networkidle")
        timing = page.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, charts: window.__bnChartsDrawnAt ?? null,"
            " count: document.querySelectorAll('.bn-chart').length,"
            " sparklines: document.querySelectorAll('img.bn-sparkline').length,"
            " wide: Array.from(document.querySelectorAll('.md-typeset__scrollwrap')).filter(w => w.scrollWidth > w.clientWidth + 1).length,"
            " tables: document.querySelectorAll('.md-typeset table').length}; }"
        )
        transferred = raw = 0
        by_type: dict[str, int] = {}
        for request in finished:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            transferred += size
            kind = request.resource_type
            by_type[kind] = by_type.get(kind, 0) + size
            file = bs.served_file(site_dir, request.url)
            if file is not None:
                raw += file.stat().st_size
        return {"requests": len(finished), "transferred": transferred, "before_touch": before_touch, "raw": raw,
                "by_type": by_type, **timing}
    finally:
        context.close()


def axe_summary(browser, url: str) -> str:
    context = bs.phone_context(browser)
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        page.evaluate(bs.WAKE_CHARTS_JS)
        try:
            page.wait_for_function(bs.ALL_CHARTS_DRAWN_JS, timeout=bs.CHART_TIMEOUT_MS)
        except Exception:  # noqa: BLE001
            pass
        violations = bs.axe_violations(page)
    finally:
        context.close()
    blocking = [v for v in violations if v.get("impact") in bs.BLOCKING_IMPACTS]
    names = ", ".join(f"{v['id']} ({v['impact']})" for v in violations) or "none"
    return f"{len(blocking)} serious/critical; all: {names}"


def screenshots(browser, url: str, name: str, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for label, make in (("phone", bs.phone_context), ("desktop", bs.desktop_context)):
        context = make(browser)
        page = context.new_page()
        try:
            page.goto(url, wait_until="load")  # what a reader sees first: the build's chart images
            page.wait_for_load_state("networkidle")
            first = folder / f"{name}-{label}-1.png"  # the first screen exactly as shown (header tabs included)
            page.screenshot(path=str(first), timeout=60_000)
            saved.append(first)
            target = folder / f"{name}-{label}.png"
            page.screenshot(path=str(target), full_page=True, timeout=60_000)
            saved.append(target)
            # The same page screen by screen, as a reader scrolls it (easier to look at than one long image).
            size = page.viewport_size
            height = page.evaluate("() => document.documentElement.scrollHeight")
            for screen in range(1, min(SCREENS, -(-height // size["height"]))):
                clip = {"x": 0, "y": screen * size["height"], "width": size["width"],
                        "height": min(size["height"], height - screen * size["height"])}
                part = folder / f"{name}-{label}-{screen + 1}.png"
                page.screenshot(path=str(part), full_page=True, clip=clip, timeout=60_000)
                saved.append(part)
        finally:
            context.close()
    return saved


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def ms(value) -> str:
    return "none" if value is None else f"{value:,.0f} ms"


def measure(browser, site_dir: Path, base: str, path: str, args) -> list[list[str]]:
    url = base + path
    rows = []
    for throttle in (False, True) if args.throttle else (False,):
        runs = [load_once(browser, site_dir, url, throttle) for _ in range(max(1, args.runs))]
        first = runs[0]
        charts = [r["charts"] for r in runs]
        median_charts = None if any(c is None for c in charts) else statistics.median(charts)
        drawn = ms(median_charts) if first["count"] else "no live chart"
        if first["count"] and median_charts is None:
            drawn = "not drawn"
        by_type = ", ".join(f"{k} {kib(v)}" for k, v in sorted(first["by_type"].items(), key=lambda kv: -kv[1]))
        rows.append([
            "/" + path, "Fast 3G, CPU/4" if throttle else "local", str(first["requests"]),
            kib(first["before_touch"]), kib(first["transferred"]), kib(first["raw"]), f"{first['count']} + {first['sparklines']} sparklines", drawn,
            ms(statistics.median(r["dcl"] for r in runs)), ms(statistics.median(r["load"] for r in runs)),
            f"{first['wide']} of {first['tables']}", by_type,
        ])
    rows[0].append(axe_summary(browser, url))
    for row in rows[1:]:
        row.append("")
    return rows


def print_table(rows: list[list[str]]) -> None:
    header = ["page", "network", "requests", "transferred before a chart is touched", "transferred", "files", "charts", "live charts drawn",
              "DOMContentLoaded", "load", "tables wider than the phone", "bytes by type", "axe-core"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main(argv=None) -> int:
    args = parse_args(argv)
    problem = bs.chromium_problem()
    if problem:
        print(f"cannot measure: {problem}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="page-weight-") as tmp:
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = Path(tmp) / "site"
            result = bs.build_site(site_dir, args.package)
            if result.returncode != 0:
                print(f"the site did not build from {args.package}:\n{(result.stdout + result.stderr).strip()}", file=sys.stderr)
                return 1
        if not (site_dir / "index.html").is_file():
            print(f"{site_dir} has no index.html: build the site first", file=sys.stderr)
            return 1
        pages = args.pages
        if pages is None:
            found = bs.discover_pages(site_dir)
            pages = [""] + ([found["indicator"]] if found["indicator"] else [])
        from playwright.sync_api import sync_playwright

        with bs.serve(site_dir) as base, sync_playwright() as playwright:
            browser = bs.launch_chromium(playwright)
            rows = []
            for path in pages:
                rows.extend(measure(browser, site_dir, base, path, args))
                if args.screenshots:
                    name = path.strip("/").replace("/", "_") or "home"
                    for shot in screenshots(browser, base + path, name, args.screenshots):
                        print(f"screenshot: {shot}", file=sys.stderr)
            browser.close()
    print(f"Pages at {bs.PHONE['width']} x {bs.PHONE['height']} (phone), cold cache, median of {args.runs} load(s); "
          "transferred = bytes on the wire (headers included) from a local server that gzips text like a static host, "
          "before a chart is touched and in all once the live charts are drawn; "
          "files = the same files uncompressed.")
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
