"""The yearbook importer (tools/import_yearbooks): the pages' cells are in the package with the office's source,
unit, year, status and canonical value; a second run is byte-identical; a changed page or a wrong title is
refused with one sentence and nothing written. Runs on copies in tmp_path."""
import csv
import shutil
from decimal import Decimal
from pathlib import Path

from tools.import_yearbooks.__main__ import main
from tools.import_yearbooks.pages import read, section

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "tools" / "import_yearbooks" / "raw"
PACKAGE = REPO / "datapackage"


def rows(package, name):
    with (package / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def copies(tmp_path):
    raw, package = tmp_path / "raw", tmp_path / "datapackage"
    shutil.copytree(RAW, raw)
    package.mkdir()
    shutil.copy(PACKAGE / "datapackage.json", package / "datapackage.json")
    shutil.copy(PACKAGE / "README.md", package / "README.md")
    shutil.copytree(PACKAGE / "data", package / "data")
    return raw, package


def snapshot(package):
    return {p.relative_to(package): p.read_bytes() for p in sorted(package.rglob("*")) if p.is_file()}


def test_sections_are_read_as_printed():
    path = RAW / "hoa-binh-2021-p81.txt"
    share, cut = section(path, read(path), "So với dân số (%)", 3)
    assert share[2017] == (False, ["64,03", "57,74", "65,19"]) and share[2021] == (True, ["53,25", "45,81", "55,78"])
    assert sorted(share) == [2017, 2018, 2019, 2020, 2021] and cut == []     # the page number under it is no cell
    people, _ = section(path, read(path), "Người - Person", 3)
    assert people[2019][1] == ["456.454", "69.635", "386.819"]
    path = RAW / "vinh-phuc-2019-p2-b11.txt"
    people, _ = section(path, read(path), "Người - Person", 5)               # one cell a line
    assert sorted(people) == [2010, 2016, 2017, 2018, 2019] and people[2019][0] is True
    assert people[2018][1][0] == "1.138.370" and people[2018][1][3] == "285.162"
    path = RAW / "hung-yen-2022-p97.txt"
    grdp, cut = section(path, read(path), "Triệu đồng - Mill. dongs", 6)
    assert sorted(grdp) == [2010, 2011, 2012, 2013] and cut == [2014]        # 2014 cut off by the excerpt


def test_the_package_holds_the_pages_figures():
    observations = {(o["unit_id"], o["indicator_id"], o["period"], o["source_id"]): o
                    for o in rows(PACKAGE, "observations") if o["source_id"].startswith("yb-")}
    sources = {s["source_id"]: s for s in rows(PACKAGE, "sources") if s["source_id"].startswith("yb-")}
    assert all(s["kind"] == "statistics_office" and s["publisher"].startswith("Cục Thống kê tỉnh")
               for s in sources.values())
    o = observations[("vinh-phuc-pre2025", "population", "2019", "yb-vinh-phuc-2019-p2-b11")]
    assert o["value"] == "1154836" and o["status"] == "preliminary"
    assert observations[("vinh-phuc-pre2025", "population_urban", "2010", "yb-vinh-phuc-2019-p2-b11")]["value"] == "232869"
    assert observations[("hoa-binh-pre2025", "employed_share_of_population", "2022",
                         "yb-hoa-binh-2022-p94")]["value"] == "56.83"
    assert observations[("quang-tri-pre2025", "employed_share_of_population", "2015",
                         "yb-quang-tri-2021-p84")]["value"] == "54.75"
    # million VND on the page, billion VND in the package
    value = observations[("hung-yen-pre2025", "grdp_constant_2010", "2013", "yb-hung-yen-2022-p97")]["value"]
    assert Decimal(value) * 1000 == Decimal("33927875")
    assert ("hung-yen-pre2025", "grdp_constant_2010", "2014", "yb-hung-yen-2022-p97") not in observations


def test_figures_of_the_overview_text_are_the_numbers_it_prints():
    observations = {(o["indicator_id"], o["period"], o["source_id"]): o["value"]
                    for o in rows(PACKAGE, "observations") if o["unit_id"] == "hoa-binh-pre2025"}
    assert observations[("grdp_current", "2019", "yb-hoa-binh-2019-p12")] == "50993.41"    # "50,993.41 billion VND"
    assert observations[("grdp_growth", "2021", "yb-hoa-binh-2021-p13")] == "2.66"
    assert observations[("grdp_growth_industry_construction", "2021", "yb-hoa-binh-2021-p13")] == "-0.07"  # decreased
    assert observations[("grdp_per_capita_usd", "2021", "yb-hoa-binh-2021-p13")] == "2585"
    assert ("grdp_per_capita_usd", "2019", "yb-hoa-binh-2019-p12") not in observations      # printed "2.503 USD"
    shares = [Decimal(observations[(f"grdp_share_{s}", "2018", "yb-hoa-binh-2019-p12")])
              for s in ("agriculture", "industry_construction", "services", "product_taxes")]
    assert sum(shares) == 100                                             # the page's 2018 structure, in order


def test_a_quote_the_page_does_not_print_is_refused(tmp_path, capsys):
    raw, package = copies(tmp_path)
    tables = tmp_path / "tables"
    tables.mkdir()
    for name in ("catalogue.csv", "quotes.csv"):
        shutil.copy(REPO / "tools" / "import_yearbooks" / name, tables / name)
    quotes = tables / "quotes.csv"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("will reach 53,099.86 billion VND",
                                                                 "will reach 53,099.87 billion VND"), encoding="utf-8")
    before = snapshot(package)
    assert main(["--raw", str(raw), "--package", str(package), "--tables", str(tables)]) == 1
    err = capsys.readouterr().err.strip()
    assert "quotes.csv:" in err and "does not print" in err and "53,099.87" in err
    assert snapshot(package) == before


def test_a_second_run_is_identical_and_bad_pages_are_refused(tmp_path, capsys):
    raw, package = copies(tmp_path)
    assert main(["--raw", str(raw), "--package", str(package)]) == 0
    assert capsys.readouterr().out.startswith("yearbooks: pages 7, figures ")
    first = snapshot(package)
    assert main(["--raw", str(raw), "--package", str(package)]) == 0
    assert snapshot(package) == first

    page = raw / "quang-tri-2021-p84.txt"
    page.write_bytes(page.read_bytes().replace(b"54,75", b"54,76"))
    assert main(["--raw", str(raw), "--package", str(package)]) == 1
    err = capsys.readouterr().err.strip()
    assert "quang-tri-2021-p84.txt" in err and "has changed" in err and err.count("\n") == 0
    assert snapshot(package) == first

    shutil.copy(RAW / "quang-tri-2021-p84.txt", page)
    origin = raw / "ORIGIN.csv"
    origin.write_text(origin.read_text(encoding="utf-8").replace("hàng năm phân theo giới tính,",
                                                                 "hàng quý phân theo giới tính,"), encoding="utf-8")
    assert main(["--raw", str(raw), "--package", str(package)]) == 1
    err = capsys.readouterr().err.strip()
    assert "quang-tri-2021-p84.txt" in err and "does not print the title" in err
    assert snapshot(package) == first
