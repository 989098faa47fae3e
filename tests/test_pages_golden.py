"""Golden files: the Markdown generated for the small fixture package (tests/fixtures/mini), page by page.

Charts are off here (their HTML belongs to build_scripts/charts and has its own tests); the pages keep
their descriptions and tables. After a deliberate change, refresh the files with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_pages_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_scripts import changelog, db, downloads, settings
from build_scripts.pages import build_page, tasks
from build_scripts.pages.site import Site
from build_scripts.research.publish import publish

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
GOLDEN = Path(__file__).parent / "golden"
# The page types checked here (the home page and the period reports have their own golden tests).
MINE = ("indicator_index", "indicator", "province_index", "province", "data", "explore", "release", "data_slices", "sources",
        "source")
ELSEWHERE = {"home": "tests/test_reports.py", "report": "tests/test_reports.py"}


# The data page lists the releases of CHANGELOG.md: a fixed one here, so that a new release does not change
# the golden files (0.1.0 is the fixture package's version; 0.0.9 an older release, not on the site).
CHANGELOG_TEXT = """# Changelog

## Unreleased

- Not listed.

## 0.1.0 - 2026-11-25

- First release: *five* tables.

## 0.0.9 - 2026-10-01

- A trial release.
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("docs")
    changelog_file = tmp_path_factory.mktemp("changelog") / "CHANGELOG.md"
    changelog_file.write_text(CHANGELOG_TEXT, encoding="utf-8")
    saved, saved_changelog = settings.CHARTS, changelog.CHANGELOG
    settings.CHARTS = False
    changelog.CHANGELOG = changelog_file
    try:
        con = db.load_package(FIXTURE)
        downloads.write_all(con, FIXTURE, out / "downloads")  # as the build does: the pages list the downloads
        site = Site.load(con, FIXTURE, out)
        site.research = publish(con, site.descriptor, out, page_units=[u["unit_id"] for u in site.units])
        counts = {name: 0 for name in MINE}
        for name, key in tasks(site):
            if name in MINE:
                counts[name] += build_page(site, name, key)
    finally:
        settings.CHARTS, changelog.CHANGELOG = saved, saved_changelog
    return out, counts


def markdown_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md")
                  if p.relative_to(root).parts[0] in ("indicators", "provinces", "data", "sources"))


def test_every_page_type_in_both_languages(generated):
    out, counts = generated
    assert counts == {"indicator_index": 2, "indicator": 8, "province_index": 2, "province": 12,
                      "data": 2, "explore": 2, "release": 4, "data_slices": 4, "sources": 2, "source": 8}
    files = markdown_files(out)
    assert "indicators/grdp_growth/index.md" in files and "indicators/grdp_growth/index.en.md" in files
    assert "provinces/bac-ninh-pre2025/index.en.md" in files


def test_every_page_type_of_the_registry_has_golden_files():
    from build_scripts.pages.registry import PAGE_TYPES

    assert sorted(set(MINE) | set(ELSEWHERE)) == sorted(t.name for t in PAGE_TYPES)


def test_generated_markdown_matches_golden_files(generated):
    out, _ = generated
    files = markdown_files(out)
    if os.environ.get("UPDATE_GOLDEN"):
        for name in files:
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes((out / name).read_bytes())
    assert files == markdown_files(GOLDEN), "pages added or removed: refresh the golden files and review"
    for name in files:
        assert (out / name).read_text(encoding="utf-8") == (GOLDEN / name).read_text(encoding="utf-8"), name
