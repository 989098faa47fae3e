"""Fixtures shared by every test file.

`real_site`: the portal built once from the real package for the whole test run. Under pytest-xdist every
worker asks for it; the first builds it under a file lock into the run's shared temporary folder and the
others reuse it, so the suite pays for one real build, not one a test file. BN_SITE_DIR points at a site
built beforehand instead.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "datapackage"


def _shared_root(tmp_path_factory) -> Path:
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The site built from datapackage/ (read-only: copy it before changing anything)."""
    given = os.environ.get("BN_SITE_DIR")
    if given:
        site = Path(given).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"BN_SITE_DIR={given} has no index.html: build the site there first.", pytrace=False)
        return site
    root = _shared_root(tmp_path_factory) / "real-site"
    root.mkdir(parents=True, exist_ok=True)
    site, failure = root / "site", root / "build-failed.txt"
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (site / "index.html").is_file() and not failure.exists():
            result = subprocess.run(
                [sys.executable, "-m", "build_scripts", "build", "--package", str(PACKAGE),
                 "--site-dir", str(site), "--build-dir", str(root / "build")],
                capture_output=True, text=True, cwd=REPO,
            )
            if result.returncode != 0 or not (site / "index.html").is_file():
                failure.write_text(f"exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    if failure.exists():
        pytest.fail("the real site did not build:\n" + failure.read_text(), pytrace=False)
    return site


def _browser_support():
    sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
    import browser_support

    return browser_support


@pytest.fixture(scope="session")
def chromium_ready() -> None:
    """Debian's Chromium is there: skip without it, except under CI=true, where its absence fails."""
    verdict, reason = _browser_support().chromium_gate()
    if verdict == "fail":
        pytest.fail(reason, pytrace=False)
    if verdict == "skip":
        pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_browser(chromium_ready):
    """One Playwright and one Chromium a test process: Playwright's sync API cannot run two at once."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = _browser_support().launch_chromium(playwright)
        yield chromium
        chromium.close()
