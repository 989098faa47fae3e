"""What the SQL page (/data/explore/) transfers: on opening (before any query), then for its first query
(the engine and the tables the query names), then for a second query on the same tables. Text is sent
gzip-compressed as a static host sends it (tests/browser/browser_support.py's server); the .wasm files as
they are, since not every host compresses them.

    .venv/bin/python benchmarks/explore_weight.py --site-dir site      # an already built site
    .venv/bin/python benchmarks/explore_weight.py                      # builds tests/fixtures/mini first

Prints one line a step: requests, bytes transferred, the largest files.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "browser")]

import browser_support as bs  # noqa: E402

QUERY = "SELECT indicator_id, count(*) AS figures FROM observations GROUP BY ALL ORDER BY ALL"
DONE_JS = ("() => { const s = document.querySelector('.bn-explore-status').textContent;"
           " return !document.querySelector('.bn-explore-error').hidden || (/\\d/.test(s) && !s.includes('…')); }")


def measure(site_dir: Path, path: str) -> list[tuple[str, list[tuple[str, int]]]]:
    from playwright.sync_api import sync_playwright

    steps: list[tuple[str, list[tuple[str, int]]]] = []
    with bs.serve(site_dir) as url, sync_playwright() as playwright:
        browser = bs.launch_chromium(playwright)
        context = bs.phone_context(browser)
        finished: list = []
        context.on("requestfinished", lambda request: finished.append(request))
        page = context.new_page()
        page.goto(url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        steps.append(("open the page", [(r.url, size(r)) for r in finished]))
        for label in ("first query", "second query"):
            finished.clear()
            page.locator("#bn-explore-sql").fill(QUERY)
            page.locator(".bn-explore-form button[type=submit]").click()
            page.wait_for_function(DONE_JS, timeout=180_000)
            page.wait_for_load_state("networkidle")
            steps.append((label, [(r.url, size(r)) for r in finished]))
        browser.close()
    return steps


def size(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/explore_weight.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build tests/fixtures/mini into a temp folder)")
    parser.add_argument("--page", default="data/explore/", help="site path of the SQL page (default data/explore/)")
    args = parser.parse_args(argv)
    if bs.chromium_problem():
        print(bs.chromium_problem(), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site_dir
        if site is None:
            site = Path(tmp) / "site"
            result = bs.build_site(site, REPO / "tests" / "fixtures" / "mini")
            if result.returncode:
                print(result.stdout + result.stderr, file=sys.stderr)
                return 1
        for label, requests in measure(site, args.page):
            total = sum(n for _, n in requests)
            largest = sorted(requests, key=lambda r: r[1], reverse=True)[:3]
            names = ", ".join(f"{u.split('?')[0].rsplit('/', 1)[-1] or 'index'} {n / 1024:,.0f} KB" for u, n in largest)
            print(f"{label:14} {len(requests):3} requests {total / 1024:10,.1f} KB   largest: {names or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
