"""Fixtures of the browser tests: the real site built once a session, served on 127.0.0.1, and Chromium.

Skip rule: without /usr/bin/chromium the browser tests skip with the reason, except when CI is "true",
where they fail (CI must never skip them). Set BN_SITE_DIR to a built site to test it instead of building.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import browser_support as bs


@pytest.fixture(scope="session")
def site_dir(chromium_ready, real_site) -> Path:
    """The real site: tests/conftest.py's `real_site`, built once a test run and shared by xdist workers
    (BN_SITE_DIR points at a site built beforehand instead)."""
    return real_site


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    with bs.serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium_browser):
    return chromium_browser


@pytest.fixture(scope="session")
def site_pages(site_dir) -> dict[str, str | None]:
    return bs.discover_pages(site_dir)


@pytest.fixture(scope="session")
def page_path(site_dir, site_pages):
    """page_path(kind, lang): the site path of that page, or a failure (or local skip) saying why it is missing."""

    def find(kind: str, lang: str) -> str:
        path = site_pages.get(kind)
        if path is None and kind == "report":
            if bs.reports_exist(site_dir):
                pytest.fail("The site has period reports but the home page lists none (no link to reports/<period>/).", pytrace=False)
            if bs.in_ci():
                pytest.fail("No period report page (reports/<period>/) is listed by the home page; CI requires one.", pytrace=False)
            pytest.skip("No period report page yet: the home page lists no reports/<period>/ (this fails in CI).")
        if path is None:
            pytest.fail(f"The site has no {kind} page: the home page links to none and the site folder holds none.", pytrace=False)
        path = bs.localized(path, lang)
        if not (site_dir / path / "index.html").is_file():
            pytest.fail(f"The {kind} page {path} is missing from the built site ({site_dir / path / 'index.html'}).", pytrace=False)
        return path

    return find


@pytest.fixture(scope="session")
def page_visit(browser, site_url, page_path):
    """page_visit(kind, lang): the page opened once at phone width and measured (cached for the session)."""
    seen: dict[tuple[str, str], bs.Visit] = {}

    def get(kind: str, lang: str) -> bs.Visit:
        if (kind, lang) not in seen:
            seen[kind, lang] = bs.visit(browser, site_url + page_path(kind, lang))
        return seen[kind, lang]

    return get
