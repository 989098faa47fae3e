"""The PCI importer (tools/import_pci): parse of the stored VCCI pages, rows in the package, determinism, and
refusal of a raw file that no longer matches ORIGIN.csv. Runs on copies in tmp_path."""
import csv
import shutil
from pathlib import Path

from tools.import_pci.__main__ import main, pre2025_units, unit_for
from tools.import_pci.parse import parse
from tools.import_seed.errors import ImportSeedError

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "tools" / "import_pci" / "raw"
PACKAGE = REPO / "datapackage"


def cell(page, indicator, year):
    found = [c["value"] for c in page["cells"] if c["indicator"] == indicator and c["year"] == year]
    return found[0] if found else None


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


def rows(package, name):
    with (package / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_parse_matches_cells_checked_by_hand():
    page = parse(RAW / "phu-tho.txt")
    assert page["language"] == "en" and page["title"] == "PCI of provinces – Phu Tho"
    assert cell(page, "pci_score", "2019") == "65.54" and cell(page, "pci_rank", "2019") == "26"
    assert cell(page, "pci_score", "2022") == "66.30" and cell(page, "pci_rank", "2022") == "24"
    assert cell(page, "pci_subindex_entry_costs", "2006") == "8.32"
    assert cell(page, "pci_subindex_labour_training", "2008") == "3.61"
    assert cell(page, "pci_subindex_law_and_order", "2012") == "2.95"
    assert cell(page, "pci_subindex_policy_bias", "2012") is None        # printed N/A
    assert {s["year"] for s in page["skipped"] if s["reason"].startswith("N/A")} == {"2009", "2010", "2011", "2012"}
    assert page["disagreements"] == [] and page["compared"] > 0

    vi = parse(RAW / "bac-giang.txt")
    assert vi["language"] == "vi" and vi["title"] == "PCI của tỉnh – Bắc Giang"
    assert cell(vi, "pci_score", "2022") == "72.80" and cell(vi, "pci_rank", "2022") == "2"
    assert cell(vi, "pci_subindex_law_and_order", "2022") == "8.60"
    assert cell(vi, "pci_subindex_business_support", "2008") == "2.85"
    assert cell(vi, "pci_subindex_policy_bias", "2006") is None

    assert unit_for("hanoi", "2007", {"hanoi-pre2008"}) == "hanoi-pre2008"
    assert unit_for("hanoi", "2007", set()) == "ha-noi-pre2008" and unit_for("hanoi", "2008") == "hanoi-pre2025"

    th = parse(RAW / "thanh-hoa.txt")                                  # a later copy: PCI 2023 and 2024 shown
    assert th["years"][0] == "2024" and cell(th, "pci_rank", "2023") == "30" and cell(th, "pci_score", "2024") == "68.74"

    st = parse(RAW / "soc-trang.txt")                                  # an older copy, cells between bars
    assert st["years"][0] == "2006" and st["years"][-1] == "2020" and st["disagreements"] == []
    assert cell(st, "pci_score", "2020") == "62.34" and cell(st, "pci_rank", "2020") == "51"
    assert cell(st, "pci_subindex_entry_costs", "2006") == "7.82" and cell(st, "pci_rank", "2006") == "19"
    assert cell(st, "pci_subindex_business_support", "2011") == "2.25"   # "Business Support Services"
    assert cell(st, "pci_subindex_policy_bias", "2009") is None and st["compared"] > 0
    bp = parse(RAW / "binh-phuoc.txt")                                 # the note right under the table ends it
    assert cell(bp, "pci_rank", "2019") == "61" and cell(bp, "pci_rank", "2006") == "52"
    assert len(bp["cells"]) == 17 * 12 - 4
    hn = parse(RAW / "ha-nam.txt")
    assert cell(hn, "pci_score", "2019") == "65.07" and cell(hn, "pci_subindex_law_and_order", "2012") == "2.56"

    hp = parse(RAW / "hai-phong.txt")
    assert cell(hp, "pci_score", "2019") == "68.73" and cell(hp, "pci_rank", "2019") == "10"


def test_the_ranking_of_all_provinces_is_read_with_the_year_of_its_address():
    from tools.import_pci.tables import parse_table

    url = "https://pcivietnam.vn/bang-xep-hang?cpi_cat_id=PCI_Score&region_id=0&year=2020"
    ranking = parse_table(RAW / "table-bang-xep-hang-pci-score-2020.txt", url)
    cells = {(c["province"], c["indicator"]): c["value"] for c in ranking["cells"]}
    assert ranking["year"] == "2020" and len(cells) == 63 * 2 and ranking["skipped"] == []
    assert cells[("Bắc Ninh", "pci_score")] == "66.74" and cells[("Bắc Ninh", "pci_rank")] == "10"
    assert cells[("Quảng Ninh", "pci_rank")] == "1" and cells[("Bạc Liêu", "pci_score")] == "59.61"   # printed 01
    observations = {(o["unit_id"], o["indicator_id"], o["period"]): o["value"] for o in rows(PACKAGE, "observations")
                    if o["source_id"] == "pci-vcci-table-bang-xep-hang-pci-score-2020"}
    assert len({u for u, _i, _p in observations}) == 63
    assert observations[("ho-chi-minh-city-pre2025", "pci_rank", "2020")] == "14"      # printed TP.HCM
    assert observations[("thua-thien-hue-pre2025", "pci_score", "2020")] == "65.03"    # printed TT-Huế
    # the province pages agree: Sóc Trăng 62.34, 51st
    assert observations[("soc-trang-pre2025", "pci_score", "2020")] == "62.34"
    assert cell(parse(RAW / "soc-trang.txt"), "pci_rank", "2020") == "51"
    try:
        parse_table(RAW / "table-bang-xep-hang-pci-score-2020.txt", "https://pcivietnam.vn/bang-xep-hang")
    except ImportSeedError as exc:
        assert "year=" in str(exc) and "table-bang-xep-hang-pci-score-2020.txt" in str(exc)
    else:
        raise AssertionError("a ranking without a year in its address was accepted")


def test_package_holds_every_parsed_cell_and_a_second_run_is_identical(tmp_path, capsys):
    raw, package = copies(tmp_path)
    args = ["--raw", str(raw), "--package", str(package)]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("pci: ")
    first = snapshot(package)
    observations = {(o["unit_id"], o["indicator_id"], o["period"], o["source_id"]): o for o in rows(package, "observations")}
    sources = {s["source_id"]: s for s in rows(package, "sources")}
    units = pre2025_units(package)
    for name in sorted(p.name for p in raw.glob("*.txt") if not p.name.startswith("table-")):
        slug = name[:-4]
        page = parse(raw / name)
        assert sources[f"pci-vcci-{slug}"]["title"] == page["title"]
        assert sources[f"pci-vcci-{slug}"]["kind"] == "research"
        for c in page["cells"]:
            unit = unit_for(slug, c["year"], units)
            o = observations[(unit, c["indicator"], c["year"], f"pci-vcci-{slug}")]
            assert o["value"] == c["value"] and o["status"] == "actual"
    assert "<!-- BEGIN PCI import report" in (package / "README.md").read_text(encoding="utf-8")
    assert main(args) == 0
    assert snapshot(package) == first


def test_a_changed_raw_file_is_refused_and_nothing_is_written(tmp_path, capsys):
    raw, package = copies(tmp_path)
    before = snapshot(package)
    target = raw / "phu-tho.txt"
    target.write_bytes(target.read_bytes().replace(b"65.54", b"65.55"))
    assert main(["--raw", str(raw), "--package", str(package)]) == 1
    err = capsys.readouterr().err.strip()
    assert "phu-tho.txt" in err and "has changed" in err and err.count("\n") == 0
    assert snapshot(package) == before

    target.unlink()
    assert main(["--raw", str(raw), "--package", str(package)]) == 1
    err = capsys.readouterr().err.strip()
    assert "phu-tho.txt" in err and "missing" in err
    assert snapshot(package) == before
