"""Issue 8: no HTML page over 100 KB, and a reader still finds every source and every figure resting on it.

The real build: every .html of the site, 404.html included, is under 100 KB (the `real_site` fixture;
BN_SITE_DIR reuses a site built beforehand). The page cuts (build_scripts/pages/parts.py): a small synthetic
package's sources generated with a weight budget small enough that the index goes by year and the source
pages come in parts, and followed link by link from /sources/ as a reader would.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from build_scripts import db, settings
from build_scripts.pages import build_page, parts
from build_scripts.pages.registry import PAGE_TYPES
from build_scripts.pages.site import Site

LIMIT = 100 * 1024
LINK = re.compile(r"\]\(([A-Za-z0-9_./-]+)\)")


def test_no_page_of_the_real_site_is_over_100_kb(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 100 and (real_site / "404.html") in pages
    heavy = sorted(((p.stat().st_size, p.relative_to(real_site).as_posix()) for p in pages if p.stat().st_size > LIMIT),
                   reverse=True)
    assert not heavy, f"{len(heavy)} pages over 100 KB, the heaviest: {heavy[:10]}"


def test_the_real_sources_and_data_are_on_pages_a_reader_reaches(real_site):
    index = (real_site / "sources/index.html").read_text(encoding="utf-8")
    with (Path(settings.PACKAGE_DIR) / "data" / "sources.csv").open(encoding="utf-8", newline="") as f:
        ids = [row["source_id"] for row in csv.DictReader(f)]
    for source_id in ids:
        assert (real_site / "sources" / source_id / "index.html").is_file(), source_id
        assert (real_site / "en/sources" / source_id / "index.html").is_file(), source_id
    linked = set(re.findall(r'href="(?:\.\./)*(?:sources/)?([a-z0-9]+(?:-[a-z0-9]+)*)/"', index))
    for year_page in real_site.glob("sources/*/index.html"):
        if year_page.parent.name not in ids:  # a page listing the sources of a year
            linked |= set(re.findall(r'href="\.\./([a-z0-9]+(?:-[a-z0-9]+)*)/"', year_page.read_text(encoding="utf-8")))
    assert set(ids) - linked == set(), "every source is linked from the sources index or a year page"
    data = (real_site / "data/index.html").read_text(encoding="utf-8")
    assert 'href="indicators/"' in data and 'href="units/"' in data
    assert (real_site / "data/indicators/index.html").is_file() and (real_site / "en/data/units/index.html").is_file()


def _generate(package: Path, out: Path, types: tuple[str, ...]) -> None:
    site = Site.load(db.load_package(package), package, out)
    for page_type in PAGE_TYPES:
        if page_type.name in types:
            for key in page_type.load().keys(site):
                build_page(site, page_type.name, key)


def _follow(root: Path, start: str) -> dict[str, str]:
    """Every page reachable from start by its links inside the sources pages: {path: text}."""
    seen: dict[str, str] = {}
    todo = [start]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen[page] = (root / page).read_text(encoding="utf-8")
        for target in LINK.findall(seen[page]):
            path = os.path.normpath(os.path.join(os.path.dirname(page), target)).replace(os.sep, "/")
            if path.startswith("sources/") and path.endswith("index.md"):
                todo.append(path)
    return seen


@pytest.fixture(scope="module")
def cut_sources(tmp_path_factory):
    from benchmarks.synthetic import generate

    package = tmp_path_factory.mktemp("pkg")
    generate(package, indicators=6, provinces=4, periods=8, seed=3)
    out = tmp_path_factory.mktemp("docs")
    saved_budget, saved_charts = parts.BUDGET, settings.CHARTS
    parts.BUDGET, settings.CHARTS = 1_000, False  # a budget a few rows fill: the index by year, sources in parts
    try:
        _generate(package, out, ("sources", "source"))
    finally:
        parts.BUDGET, settings.CHARTS = saved_budget, saved_charts
    return package, out


def test_the_sources_index_links_every_source_and_each_source_page_lists_its_figures(cut_sources):
    package, out = cut_sources
    with (package / "data" / "sources.csv").open(encoding="utf-8", newline="") as f:
        sources = {row["source_id"]: row for row in csv.DictReader(f)}
    with (package / "data" / "observations.csv").open(encoding="utf-8", newline="") as f:
        figures = Counter(row["source_id"] for row in csv.DictReader(f))
    pages = _follow(out, "sources/index.md")
    year_pages = [p for p in pages if re.fullmatch(r"sources/([0-9]{4}|undated)(/[0-9]+)?/index\.md", p)]
    assert year_pages, "with a small budget the index goes by year"
    for source_id, source in sources.items():
        own = sorted(p for p in pages if p.startswith(f"sources/{source_id}/"))
        assert own, f"{source_id} is not reachable from /sources/"
        assert any(source["title"] in pages[p] for p in own)
        rows = [line for p in own for line in pages[p].splitlines()
                if line.startswith("| [") and "/indicators/" in line]
        shown = sum(cell.count(";") + 1 for cell in (row.rsplit("|", 2)[-2] for row in rows))
        assert shown == figures[source_id], source_id
    assert any(len([p for p in pages if p.startswith(f"sources/{s}/")]) > 1 for s in sources), "some source in parts"


def test_every_generated_page_stays_within_the_budget_it_was_cut_to(cut_sources):
    _, out = cut_sources
    for page in out.rglob("*.md"):
        rows = [line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("| [")]
        assert len(rows) <= 6, f"{page}: {len(rows)} rows for a 1,000-byte budget"


def test_pack_cuts_in_order_and_keeps_every_row():
    weights = [500, 700, 900, 100, 2_500, 50]
    cut = parts.pack(weights, 1_500)
    assert [list(r) for r in cut] == [[0, 1], [2, 3], [4], [5]]
    assert parts.pack([], 1_000) == [range(0, 0)]
    assert parts.part_keys("src-a", 3) == ["src-a", "src-a/2", "src-a/3"]
    assert parts.split_key("2025-9M/growth/2") == ("2025-9M/growth", 2)
    assert parts.split_key("bac-ninh/growth") == ("bac-ninh/growth", 1)


@pytest.fixture(scope="module")
def cut_pages(tmp_path_factory):
    """A small synthetic package's province pages and period reports under a budget of a few rows."""
    from benchmarks.harness import make_package

    package = tmp_path_factory.mktemp("pkg")
    make_package(package, (8, 3, 6), seed=5)
    out = tmp_path_factory.mktemp("docs")
    saved_budget, saved_charts = parts.BUDGET, settings.CHARTS
    parts.BUDGET, settings.CHARTS = 2_500, False
    try:
        _generate(package, out, ("province", "report"))
    finally:
        parts.BUDGET, settings.CHARTS = saved_budget, saved_charts
    return package, out


def _part_pages(root: Path, directory: str) -> list[str]:
    first = (root / directory / "index.en.md").read_text(encoding="utf-8")
    count = re.search(r"\(part 1 of ([0-9]+)\)", first)
    n = int(count.group(1)) if count else 1
    return [first] + [(root / directory / str(i) / "index.en.md").read_text(encoding="utf-8") for i in range(2, n + 1)]


def test_a_province_in_parts_shows_each_indicator_and_derived_series_once(cut_pages):
    package, out = cut_pages
    pages = _part_pages(out, f"provinces/{settings.FOCUS_UNIT}")
    assert len(pages) > 1, "a budget of 2,500 bytes cuts the focus province's page"
    assert all(f"[{i}]" in pages[0] or f"**{i}**" in pages[0] for i in range(1, len(pages) + 1))
    with (package / "data" / "observations.csv").open(encoding="utf-8", newline="") as f:
        indicators = {row["indicator_id"] for row in csv.DictReader(f) if row["unit_id"] == settings.FOCUS_UNIT}
    latest = Counter(m for page in pages for m in re.findall(r"^\| \[[^]]+\]\(\.\./(?:\.\./)+indicators/([a-z0-9_]+)/index\.md\) \| ",
                                                           page, re.M))
    assert set(latest) == indicators and set(latest.values()) == {1}
    derived = Counter(m for page in pages for m in re.findall(r"^### \[[^]]+\]\((?:\.\./)+indicators/([a-z0-9_]+)/", page, re.M))
    assert derived and set(derived.values()) == {1}
    assert "| Type | province |" in pages[0] and all("| Type | province |" not in page for page in pages[1:])


def test_a_report_in_parts_shows_each_figure_once(cut_pages):
    _, out = cut_pages
    reports = sorted(p.parent.name for p in (out / "reports").glob("*/index.en.md"))
    cut = [r for r in reports if "(part 1 of" in (out / "reports" / r / "index.en.md").read_text(encoding="utf-8")]
    assert cut, "a budget of 2,500 bytes cuts some report"
    for report in cut:
        pages = _part_pages(out, f"reports/{report}")
        lines = Counter(m for page in pages for m in re.findall(r"^- \*\*\[[^]]+\]\((?:\.\./)+indicators/([a-z0-9_]+)/", page, re.M))
        assert lines and set(lines.values()) == {1}, report
