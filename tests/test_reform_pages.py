"""The comparable series and the releases on the pages, as a reader checks them (fixture package, charts off).

The fixture's new Bắc Ninh (post-2025) was formed from the former Bắc Ninh and Bắc Giang. Both have GRDP at
current prices for 2024; only the former Bắc Ninh has 2023. So 2024 is derived (the sum) and 2023 is not.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from build_scripts import changelog, db, downloads, settings
from build_scripts.pages import build_page
from build_scripts.pages.site import Site

FIXTURE = Path(__file__).parent / "fixtures" / "mini"


def _site(package: Path, out: Path) -> Site:
    return Site.load(db.load_package(package), package, out)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("docs")
    saved = settings.CHARTS
    settings.CHARTS = False
    try:
        site = _site(FIXTURE, out)
        for type_name, key in (("indicator", "grdp_current"), ("province", "bac-ninh"), ("province", "bac-ninh-pre2025"),
                               ("province", "bac-giang-pre2025"), ("data", "")):
            build_page(site, type_name, key)
    finally:
        settings.CHARTS = saved
    return out


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def section(text: str, heading_start: str) -> str:
    start = text.index(heading_start)
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else len(text)]


def test_new_bac_ninh_grdp_shows_the_2024_sum_naming_both_parts_and_their_sources(pages):
    block = section(read(pages, "indicators/grdp_current/index.en.md"), "## Bac Ninh &#40;from 1 July 2025&#41;")
    rows = [line for line in block.splitlines() if line.startswith("| 2024 |")]
    assert len(rows) == 1
    row = rows[0]
    assert "| 498,376 | derived (actual) |" in row
    assert "Derived: the sum of the former Bac Giang and Bac Ninh." in row
    assert "[Bac Giang](../../provinces/bac-giang-pre2025/index.md): 250,000 ([Example Statistics](https://example.org/grdp-2024))" in row
    assert "[Bac Ninh](../../provinces/bac-ninh-pre2025/index.md): 248,376 ([Example Statistics](https://example.org/grdp-2024))" in row
    assert "the figures for Bac Ninh are the sums of the former provinces" in block


def test_no_sum_where_a_part_is_missing(pages):
    # 2023: the former Bắc Ninh has a figure, the former Bắc Giang none: no 2023 for the new Bắc Ninh.
    for page, heading in (("indicators/grdp_current/index.en.md", "## Bac Ninh &#40;from 1 July 2025&#41;"),
                          ("provinces/bac-ninh/index.en.md", "## The comparable series")):
        block = section(read(pages, page), heading)
        assert "| 2023 |" not in block, page
    old = section(read(pages, "indicators/grdp_current/index.en.md"), "## Bac Ninh &#40;before 1 July 2025&#41;")
    assert "| 2023 | 230,000 | actual |" in old


def test_vietnamese_words_of_a_derived_point(pages):
    block = section(read(pages, "indicators/grdp_current/index.md"), "## Bắc Ninh &#40;từ")
    assert "| năm 2024 | 498.376 | suy ra (chính thức) |" in block
    assert "Số liệu suy ra: tổng của Bắc Giang và Bắc Ninh (cũ)." in block
    assert "Trước ngày 1/7/2025, số liệu của Bắc Ninh là tổng số liệu của các tỉnh cũ hợp thành" in block


def test_province_page_lists_derived_points_with_parts(pages):
    text = read(pages, "provinces/bac-ninh/index.en.md")
    block = section(text, "## The comparable series before 1 July 2025")
    assert "### [GRDP at current prices](../../indicators/grdp_current/index.md)" in block
    assert "| 2024 | 498,376 | derived (actual) | Derived: the sum of the former Bac Giang and Bac Ninh" in block
    assert "[Bac Giang](../bac-giang-pre2025/index.md): 250,000" in block


def test_lineage_links_both_ways(pages):
    new = read(pages, "provinces/bac-ninh/index.en.md")
    changes = section(new, "## Boundary changes")
    assert "On 1 July 2025:" in changes, changes
    assert "Bac Ninh took in all of [Bac Giang](../bac-giang-pre2025/index.md)" in changes
    assert "Bac Ninh took in all of [Bac Ninh (before 1 July 2025)](../bac-ninh-pre2025/index.md)" in changes
    for former, name in (("bac-ninh-pre2025", "Bac Ninh"), ("bac-giang-pre2025", "Bac Giang")):
        text = section(read(pages, f"provinces/{former}/index.en.md"), "## Boundary changes")
        assert f"All of {name} became part of [Bac Ninh" in text and "](../bac-ninh/index.md)" in text, former


def test_a_former_province_page_has_no_comparable_section(pages):
    assert "comparable series" not in read(pages, "provinces/bac-ninh-pre2025/index.en.md")


def test_data_page_lists_the_releases_and_links_the_versioned_zip_and_checksum(pages):
    latest = changelog.read_changelog().latest
    name = changelog.release_zip_name(latest.version)
    for path, heading, current in (("data/index.en.md", "## Releases", "the current release"),
                                   ("data/index.md", "## Các bản phát hành", "bản hiện hành")):
        text = read(pages, path)
        block = section(text, heading)
        assert f"({current})" in block
        assert f"[{name}](../downloads/{name})" in block
        assert f"[{name}.sha256](../downloads/{name}.sha256)" in block
        assert latest.notes.splitlines()[0] in block
        assert f"(../downloads/{name})" in text.split(heading)[0], "the package link at the top is the versioned zip"


def test_downloads_write_the_versioned_zip_its_checksum_and_the_old_name(tmp_path):
    con = db.load_package(FIXTURE)
    files = downloads.write_all(con, FIXTURE, tmp_path)
    names = {p.name for p in files}
    versioned = tmp_path / "bac-ninh-open-data-0.1.0.zip"
    assert {"bac-ninh-open-data.zip", versioned.name, versioned.name + ".sha256"} <= names
    line = (tmp_path / (versioned.name + ".sha256")).read_text(encoding="utf-8")
    assert line == f"{hashlib.sha256(versioned.read_bytes()).hexdigest()}  {versioned.name}\n"
    assert versioned.read_bytes() == (tmp_path / "bac-ninh-open-data.zip").read_bytes()


def test_a_version_that_is_not_a_number_stops_with_a_sentence(tmp_path):
    package = tmp_path / "package"
    shutil.copytree(FIXTURE, package)
    descriptor = package / "datapackage.json"
    descriptor.write_text(re.sub(r'"version": "[^"]*"', '"version": "../x"', descriptor.read_text(encoding="utf-8")),
                          encoding="utf-8")
    with pytest.raises(ValueError, match=r"datapackage.json: the version '\.\./x' is not MAJOR.MINOR.PATCH"):
        downloads.write_all(db.load_package(package), package, tmp_path / "out")


def test_a_sparkline_draws_derived_figures_dashed_and_published_ones_solid():
    from build_scripts.charts import sparkline

    rows = [{"end_date": "2021-12-31", "value": 1.0, "kind": "derived"}, {"end_date": "2022-12-31", "value": 2.0, "kind": "derived"},
            {"end_date": "2023-12-31", "value": 2.5, "kind": "outcome"}, {"end_date": "2024-12-31", "value": 3.0, "kind": "outcome"}]
    mixed, published = sparkline.svg(rows), sparkline.svg(rows[2:])
    assert mixed.count("stroke-dasharray") == 1 and mixed.count("<path") >= 2
    assert "stroke-dasharray" not in published
