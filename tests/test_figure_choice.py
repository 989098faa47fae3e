"""The figure shown among several sources of one unit, indicator, period and status (sql/figure_choice.sql):
the statistics office's figure first, then other government bodies', then the rest; within a rank the most
recently published. A newer news copy of the province's own estimate does not move the shown figure."""
from pathlib import Path

from build_scripts import db
from build_scripts.pages import indicator, render, report
from tests import package_text
from tests.test_reports import make_package, write_pages

SOURCES = """\
src-0000000010,Gia Lai thuộc nhóm các địa phương có mức tăng trưởng GRDP chưa đạt kỳ vọng,Báo Gia Lai,https://example.org/gia-lai,2025-10-06,vi,news,,
src-0000000011,Bắc Ninh bứt phá,Thời báo Tài chính Việt Nam,https://example.org/tbtc,2025-10-01,vi,news,,
src-0000000012,Bắc Ninh dẫn đầu,Báo Mẫu Mới,https://example.org/newer,2025-12-01,vi,news,,
"""
# 10.12 quoted from the statistics office; 10.7 the province's own estimate, and a newer copy of it
GROWTH = [
    "bac-ninh,grdp_growth,2025-9M,estimate,src-0000000010,10.12,,,,,statistics_office",
    "bac-ninh,grdp_growth,2025-9M,estimate,src-0000000011,10.7,,,,,government",
    "bac-ninh,grdp_growth,2025-9M,estimate,src-0000000012,10.7,,,,,",
]


def package_with_growth(tmp_path: Path, rows: list[str]) -> Path:
    package = make_package(tmp_path)
    sources = package / "data" / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8") + SOURCES, encoding="utf-8")
    observations = package / "data" / "observations.csv"
    lines = observations.read_text(encoding="utf-8").splitlines()
    header, body = lines[0], [l for l in lines[1:] if not l.startswith("bac-ninh,grdp_growth,2025-9M,")]
    assert header.split(",") == package_text.fields("observations")
    observations.write_text("\n".join([header] + sorted(body + rows)) + "\n", encoding="utf-8")
    return package


def shown(package: Path) -> list[tuple]:
    con = db.load_package(package)
    return con.execute("SELECT source_id, value FROM int_observations WHERE unit_id = 'bac-ninh' "
                       "AND indicator_id = 'grdp_growth' AND period = '2025-9M' AND shown").fetchall()


def test_statistics_office_figure_is_shown_before_a_newer_news_copy(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "MIN_FIGURES", 2)
    package = package_with_growth(tmp_path, GROWTH)
    assert shown(package) == [("src-0000000010", 10.12)]
    out = tmp_path / "docs"
    site = write_pages(package, out, charts=False, only=[("report", "2025-9M")])
    vi = (out / "reports" / "2025-9M" / "index.md").read_text(encoding="utf-8")
    en = (out / "reports" / "2025-9M" / "index.en.md").read_text(encoding="utf-8")
    assert "**[Tăng trưởng GRDP](../../indicators/grdp_growth/index.md)**: **10,12%**" in vi
    assert "**10.12%**" in en and "10.7" not in en.split("## ")[1].split("Tăng trưởng")[0]
    # the indicator page: the table of the latest figures shows 10.12, and 10.7 is listed as the other figure
    page = render.render(indicator.TEMPLATE, "en", **indicator.model(site, "grdp_growth", "en"))
    assert "| first nine months of 2025 | 10.12 | estimate | [Báo Gia Lai](https://example.org/gia-lai) |" in page
    assert ("| Bac Ninh | first nine months of 2025 | 10.70 | estimate | [Báo Mẫu Mới](https://example.org/newer) "
            "| 10.12 (more than 1% apart) |") in page


def test_without_producers_the_most_recent_source_is_shown(tmp_path):
    rows = [r.rsplit(",", 1)[0] + "," for r in GROWTH]
    assert shown(package_with_growth(tmp_path, rows)) == [("src-0000000012", 10.7)]


def test_the_statistics_office_kind_of_a_source_ranks_first_without_a_producer(tmp_path):
    # src-0000000001 is a statistics office in the fixture; dated 2025-10-05, before every news page here
    rows = GROWTH[1:] + ["bac-ninh,grdp_growth,2025-9M,estimate,src-0000000001,10.5,,,,,"]
    assert shown(package_with_growth(tmp_path, rows)) == [("src-0000000001", 10.5)]
