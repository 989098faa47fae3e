"""Period reports and the home page, on a small package built in tmp_path: which periods get a report,
what a citizen reads on them (figures, changes, targets, comparisons, numbers and periods in words), and
golden Markdown for both languages.

The package reuses the fixture's descriptor, units, indicators and sources (tests/fixtures/mini) with
observations of its own (OBSERVATIONS below). After a deliberate change, refresh the golden files with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_reports.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from build_scripts import db, settings
from tests import package_text
from build_scripts.pages import home, render, report
from build_scripts.pages.site import Site, page_file

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
GOLDEN = Path(__file__).parent / "golden"

# Two figures a period are enough for a report here (MIN_FIGURES is patched to 2).
OBSERVATIONS = """\
unit_id,indicator_id,period,status,source_id,value,note
bac-giang-pre2025,grdp_current,2024,actual,src-0000000004,250000,
bac-giang-pre2025,grdp_current,2024-9M,actual,src-0000000004,170000,
bac-ninh,export_value,2024-9M,actual,src-0000000001,40000,
bac-ninh,grdp_current,2025,actual,src-0000000004,600000,
bac-ninh,grdp_current,2025-9M,actual,src-0000000004,450000,
bac-ninh,export_value,2025,plan,src-0000000001,60000,
bac-ninh,export_value,2025-9M,estimate,src-0000000001,45000.5,
bac-ninh,export_value,2025-9M,estimate,src-0000000002,45800,figure read from a chart | rounded
bac-ninh,grdp_growth,2025,plan,src-0000000001,11.5,target set in the 2025 plan
bac-ninh,grdp_growth,2025-9M,estimate,src-0000000001,11.02,
bac-ninh-pre2025,export_value,2024,actual,src-0000000001,51000,
bac-ninh-pre2025,export_value,2024-9M,actual,src-0000000001,38000,
bac-ninh-pre2025,grdp_current,2023,actual,src-0000000004,230000,
bac-ninh-pre2025,grdp_current,2024,actual,src-0000000004,248376,
bac-ninh-pre2025,grdp_current,2024-9M,actual,src-0000000004,180000,
bac-ninh-pre2025,grdp_growth,2023,actual,src-0000000001,3.2,
bac-ninh-pre2025,grdp_growth,2024,actual,src-0000000001,6.03,
bac-ninh-pre2025,grdp_growth,2024,plan,src-0000000001,6.5,
bac-ninh-pre2025,grdp_growth,2024-9M,estimate,src-0000000001,5.8,
bac-ninh-pre2025,pci_rank,2023,actual,src-0000000002,5,
bac-ninh-pre2025,pci_rank,2024,actual,src-0000000002,3,
ha-noi,export_value,2025-9M,estimate,src-0000000002,1234.5,
ha-noi,grdp_growth,2025-9M,estimate,src-0000000002,7.8,<img src=x onerror=alert(1)>
ha-noi-pre2025,grdp_current,2024,actual,src-0000000004,1426000,
ha-noi-pre2025,grdp_growth,2024,actual,src-0000000002,6.52,
ha-noi-pre2025,pci_rank,2024,actual,src-0000000002,10,
viet-nam,grdp_growth,2024,actual,src-0000000004,7.09,
"""
REPORTS = ["2023", "2024", "2024-9M", "2025-9M"]


def make_package(root: Path) -> Path:
    package = root / "package"
    shutil.copytree(FIXTURE, package)
    (package / "data" / "observations.csv").write_text(package_text.complete("observations", OBSERVATIONS), encoding="utf-8")
    with (package / "data" / "units.csv").open("a", encoding="utf-8") as units:  # a province with no figure
        units.write("hung-yen,Hưng Yên,Hung Yen,province,post-2025,dong-bang-song-hong,33,,2025-07-01,,2,2,src-0000000003,\n")
    indicators = package / "data" / "indicators.csv"  # GRDP and PCI rank headlines too
    text = indicators.read_text(encoding="utf-8")
    for old, new in (("\ngrdp_current,growth,20,false,", "\ngrdp_current,growth,20,true,"),
                     ("\npci_rank,governance,10,false,", "\npci_rank,governance,10,true,")):
        assert old in text
        text = text.replace(old, new)
    indicators.write_text(text, encoding="utf-8")
    return package


@pytest.fixture
def few_figures(monkeypatch):
    monkeypatch.setattr(report, "MIN_FIGURES", 2)


def write_pages(package: Path, out: Path, charts: bool, only: list[tuple[str, str]] | None = None) -> Site:
    saved = settings.CHARTS
    settings.CHARTS = charts
    try:
        site = Site.load(db.load_package(package), package, out)
        todo = only if only is not None else [("home", "")] + [("report", key) for key in report.keys(site)]
        for type_name, key in todo:
            module = home if type_name == "home" else report
            for lang in site.languages:
                text = render.render(module.TEMPLATE, lang, **module.model(site, key, lang))
                path = out / page_file(module.directory(key), lang)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text.encode("utf-8"))
    finally:
        settings.CHARTS = saved
    return site


@pytest.fixture
def pages(tmp_path, few_figures):
    out = tmp_path / "docs"
    write_pages(make_package(tmp_path), out, charts=False)
    return out


def read(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def test_a_report_for_every_period_with_enough_figures_of_one_focus_unit(tmp_path, few_figures):
    package = make_package(tmp_path)
    site = Site.load(db.load_package(package), package, tmp_path / "docs")
    assert report.keys(site) == REPORTS
    # Hà Nội's figures do not count: 2025-9M has a report for Bắc Ninh's three figures, not Hà Nội's two.
    assert report.latest(site)["period"] == "2025-9M"


def test_no_report_when_no_focus_unit_has_enough_figures(tmp_path):
    package = make_package(tmp_path)
    site = Site.load(db.load_package(package), package, tmp_path / "docs")
    assert report.MIN_FIGURES > 3
    assert report.keys(site) == []


def test_report_lists_figures_in_report_order_with_change_target_and_source(pages):
    vi = read(pages, "reports/2025-9M/index.md")
    en = read(pages, "reports/2025-9M/index.en.md")
    assert vi.startswith("# Tình hình kinh tế - xã hội 9 tháng đầu năm 2025\n")
    assert en.startswith("# Socio-economic situation, first nine months of 2025\n")
    # growth, then trade, then governance: the themes' order, which is the province's report order
    assert vi.index("### Tăng trưởng kinh tế") < vi.index("### Xuất nhập khẩu")
    old = read(pages, "reports/2024/index.md").split("## Bắc Ninh (trước 01/7/2025)")[1]
    assert old.index("### Tăng trưởng kinh tế") < old.index("### Xuất nhập khẩu") < old.index("### Quản trị")
    assert "**[Xếp hạng PCI](../../indicators/pci_rank/index.md)**: **hạng 3** (chính thức). So với cùng kỳ năm trước: -2 bậc (năm 2023: 5)." in old
    # the shown export figure is the statistics office's, though a news page published later gives 45,800;
    # its change on 2024-9M of the same unit; the year's plan as target, and how much of it was reached
    assert ("**[Kim ngạch xuất khẩu](../../indicators/export_value/index.md)**: **45.000,5 triệu USD** (ước tính). "
            "So với cùng kỳ năm trước: +12,5% (9 tháng đầu năm 2024: 40.000,0). "
            "Mục tiêu: 60.000,0 triệu USD (năm 2025), đạt 75,0%. "
            "Nguồn: [Cục Thống kê tỉnh Bắc Ninh](https://example.org/bao-cao-9-thang-2025).") in vi
    assert ("**45,000.5 million USD** (estimate). On the same period a year before: +12.5% (first nine months of "
            "2024: 40,000.0). Target: 60,000.0 million USD (2025), 75.0% reached. Source: ") in en
    assert "Mục tiêu: 11,50% (năm 2025). Nguồn:" in vi  # a growth target: no percentage of it
    # no figure of new Bắc Ninh a year before: the sum of both former provinces, marked and cited
    assert ("**450.000 tỷ đồng** (chính thức). So với cùng kỳ năm trước: +28,6% (9 tháng đầu năm 2024: 350.000; "
            "số suy ra, tổng của các tỉnh cũ: [Bắc Giang](https://example.org/grdp-2024), "
            "[Bắc Ninh](https://example.org/grdp-2024)).") in vi


def test_old_and_new_bac_ninh_are_reported_apart_and_never_compared(pages):
    vi = read(pages, "reports/2024-9M/index.md")
    assert "## Bắc Ninh (từ 01/7/2025)" in vi and "## Bắc Ninh (trước 01/7/2025)" in vi
    new, old = vi.split("## Bắc Ninh (trước 01/7/2025)")
    assert "40.000,0 triệu USD" in new and "38.000,0" not in new
    assert "38.000,0 triệu USD" in old and "40.000,0" not in old
    # no figure of the same unit a year before: no change given, and a sentence saying why
    assert "So với cùng kỳ năm trước" not in old
    assert "Tỉnh trước và sau đợt sắp xếp ngày 01/7/2025 là các đơn vị khác nhau" in vi


def test_provinces_compared_with_the_focus_in_bold_and_missing_ones_named(pages):
    vi = read(pages, "reports/2025-9M/index.md")
    en = read(pages, "reports/2025-9M/index.en.md")
    section = vi.split("### So sánh với các tỉnh, thành phố")[1]
    assert "| 1 | **Bắc Ninh** | 11,02 |" in section and "| 2 | Hà Nội | 7,80 |" in section
    assert "| 2 | Hà Nội | 1.234,5 |" in section  # export value: Hà Nội's 1,234.5 million USD
    assert "Bắc Ninh xếp thứ 1/2." in section
    assert "Chưa có số liệu: Hưng Yên." in section and "No figure: Hung Yen." in en
    assert "| 2 | Hanoi | 1,234.5 |" in en
    assert "<img" not in vi and "&lt;img" not in vi  # Hà Nội's hostile note is not shown on the report
    # a period no other province has: no comparison, not a ranking of one
    assert "#### Xếp hạng PCI" not in section


def test_every_province_of_the_map_without_a_figure_is_missing_never_zero(tmp_path, few_figures):
    out = tmp_path / "docs"
    write_pages(make_package(tmp_path), out, charts=True, only=[("report", "2025-9M")])
    data = json.loads((out / "reports/2025-9M/map-grdp-growth-bac-ninh-vi.data.json").read_text(encoding="utf-8"))
    values = {row["unit_id"]: row["value"] for row in data}
    assert values == {"bac-ninh": 11.02, "ha-noi": 7.8, "hung-yen": None}
    spec = json.loads((out / "reports/2025-9M/map-grdp-growth-bac-ninh-en.vl.json").read_text(encoding="utf-8"))
    assert "No figure" in json.dumps(spec, ensure_ascii=False)
    vi = read(out, "reports/2025-9M/index.md")
    assert vi.count("<figure") >= 2  # the ranking and the map of GRDP growth (and of exports)
    assert "Bản đồ ô: Tăng trưởng GRDP, 9 tháng đầu năm 2025; 2 trong 3 tỉnh, thành phố có số liệu" in vi
    assert "1 tỉnh, thành phố chưa có số liệu" in vi


def test_reports_link_to_each_other(pages):
    vi = read(pages, "reports/2025-9M/index.md")
    assert "[Cùng kỳ năm trước: 9 tháng đầu năm 2024](../2024-9M/index.md)" in vi
    assert "[Kỳ trước: năm 2024](../2024/index.md)" in vi
    assert "Kỳ sau" not in vi
    assert "[Tất cả báo cáo theo kỳ](../../index.md#reports)" in vi


def test_home_tiles_latest_report_and_every_report(pages):
    vi = read(pages, "index.md")
    en = read(pages, "index.en.md")
    assert '<div class="grid cards bn-tiles" markdown>' in vi
    assert "-   **[Tăng trưởng GRDP](indicators/grdp_growth/index.md)**" in vi
    assert "**45.000,5 triệu USD**" in vi and "**45,000.5 million USD**" in en
    assert "9 tháng đầu năm 2025 (ước tính)" in vi and "first nine months of 2025 (estimate)" in en
    assert "+12,5% so với 9 tháng đầu năm 2024" in vi and "+12.5% on first nine months of 2024" in en
    # a figure of the predecessor says whose it is
    assert "**hạng 3**" in vi and "**rank 3**" in en
    assert "[Số liệu của Bắc Ninh &#40;trước 01/7/2025&#41;](provinces/bac-ninh-pre2025/index.md)" in vi
    # the year before from the sum of the former provinces, marked and cited part by part
    assert ("+20,4% so với năm 2024 (số suy ra, tổng của các tỉnh cũ: [Bắc Giang](https://example.org/grdp-2024), "
            "[Bắc Ninh](https://example.org/grdp-2024))") in vi
    assert "+20.4% on 2024 (derived, the sum of the former provinces: [Bac Giang](https://example.org/grdp-2024)" in en
    assert "[Tình hình kinh tế - xã hội 9 tháng đầu năm 2025](reports/2025-9M/index.md)" in vi
    assert "- **2024**: [9 tháng đầu năm 2024](reports/2024-9M/index.md); [năm 2024](reports/2024/index.md)" in vi
    assert "- **2023**: [2023](reports/2023/index.md)" in en


def test_home_and_reports_match_golden_files(pages):
    names = ["index.md", "index.en.md"] + [f"reports/{k}/{n}" for k in REPORTS for n in ("index.md", "index.en.md")]
    for name in names:
        golden = GOLDEN / ("home" if name.startswith("index") else "report") / name.removeprefix("reports/")
        if os.environ.get("UPDATE_GOLDEN"):
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes((pages / name).read_bytes())
        assert read(pages, name) == golden.read_text(encoding="utf-8"), name


def test_report_pages_are_byte_identical_across_builds(tmp_path, few_figures):
    package = make_package(tmp_path)
    first, second = tmp_path / "one", tmp_path / "two"
    write_pages(package, first, charts=False)
    write_pages(package, second, charts=False)
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
