"""Comparable series across the 2025 reform, on small packages written to tmp_path: the sums a reader gets,
the ones they must never get (a part missing, statuses differing, rates, per-capita figures, after the
reform), the files published, and the CSV recomputed independently in Python."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from build_scripts import db, settings
from build_scripts.reform import comparable, files
from test_reform_recompute import expected_derived, parse_parts
from tests import package_text

HEADERS = {
    "sources": "source_id,title,publisher,url,published,language,kind",
    "units": "unit_id,name_vi,name_en,unit_type,boundary,region_id,gso_code,seat,valid_from,valid_to,tile_row,tile_col,source_id,note",
    "unit_crosswalk": "from_unit_id,to_unit_id,effective_date,source_id",
    "indicators": "indicator_id,theme,display_order,headline,name_vi,name_en,description_vi,description_en,caveats_vi,caveats_en,unit,measure,price_basis,additive,higher_is_better,decimals",
    "observations": "unit_id,indicator_id,period,status,source_id,value,note",
}

SOURCES = """\
src-a,Niên giám A,Cục Thống kê A,https://example.org/a,2024-01-15,vi,statistics_office
src-b,Niên giám B,Cục Thống kê B,https://example.org/b,2024-06-01,vi,statistics_office
src-c,Tin C,Báo C,https://example.org/c,,vi,news
src-d,Tin D,Báo D,https://example.org/d,2024-06-01,vi,news
src-x,Nghị quyết 202/2025/QH15,Quốc hội,https://example.org/nq202,2025-06-12,vi,government
"""

UNITS = """\
bac-giang-pre2025,Bắc Giang,Bac Giang,province,pre-2025,,24,,,2025-06-30,,,src-x,
bac-ninh,Bắc Ninh,Bac Ninh,province,post-2025,,,,2025-07-01,,1,2,src-x,
bac-ninh-pre2025,Bắc Ninh,Bac Ninh,province,pre-2025,,27,,,2025-06-30,,,src-x,
ha-noi,Hà Nội,Hanoi,municipality,post-2025,,,,2025-07-01,,1,1,src-x,
ha-noi-pre2025,Hà Nội,Hanoi,municipality,pre-2025,,01,,,2025-06-30,,,src-x,
viet-nam,Việt Nam,Viet Nam,country,,,,,,,,,src-x,
"""

CROSSWALK = """\
bac-giang-pre2025,bac-ninh,2025-07-01,src-x
bac-ninh-pre2025,bac-ninh,2025-07-01,src-x
ha-noi-pre2025,ha-noi,2025-07-01,src-x
"""

INDICATORS = """\
export_value,trade,10,false,Kim ngạch xuất khẩu,Export value,Xuất khẩu.,Exports.,,,million_usd,level,current,true,true,1
grdp_current,growth,20,true,GRDP giá hiện hành,GRDP at current prices,GRDP.,GRDP.,,,billion_vnd,level,current,true,true,0
grdp_growth,growth,10,true,Tăng trưởng GRDP,GRDP growth,Tăng trưởng.,Growth.,,,percent,yoy_growth_pct,constant_2010,false,true,2
grdp_per_capita_vnd,growth,30,false,GRDP bình quân đầu người,GRDP per capita,Bình quân.,Per capita.,,,million_vnd_per_person,level,current,true,true,1
grdp_share_services,growth,40,false,Tỷ trọng dịch vụ,Services share,Tỷ trọng.,Share.,,,percent,share_pct,current,true,,1
"""


def write_package(root: Path, observations: str, crosswalk: str = CROSSWALK) -> Path:
    """A package in root with the real descriptor and the given observations (CSV rows without header)."""
    contents = {
        "sources": SOURCES, "units": UNITS, "unit_crosswalk": crosswalk,
        "indicators": INDICATORS, "observations": observations,
    }
    descriptor = json.loads((settings.PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))
    (root / "data").mkdir(parents=True, exist_ok=True)
    for resource in descriptor["resources"]:
        text = package_text.complete(resource["name"], HEADERS[resource["name"]] + "\n" + contents[resource["name"]])
        (root / resource["path"]).write_text(text, encoding="utf-8")
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return root


def table(package: Path) -> dict[tuple, dict]:
    con = db.load_package(package)
    return {(r["unit_id"], r["indicator_id"], r["period"], r["status"]): r for r in comparable.comparable_rows(con)}


def derived(package: Path) -> dict[tuple, dict]:
    return {k: r for k, r in table(package).items() if r["derived"]}


def test_both_parts_give_their_sum_naming_both_parts_and_sources(tmp_path):
    package = write_package(tmp_path, """\
bac-giang-pre2025,grdp_current,2023,actual,src-a,170000,
bac-ninh-pre2025,grdp_current,2023,actual,src-b,230000.5,
""")
    row = derived(package)[("bac-ninh", "grdp_current", "2023", "actual")]
    assert row["value"] == 400000.5
    assert row["parts"] == "bac-giang-pre2025=170000@src-a; bac-ninh-pre2025=230000.5@src-b"
    assert row["source_ids"] == "src-a; src-b"


def test_a_missing_part_gives_no_derived_figure(tmp_path):
    package = write_package(tmp_path, """\
bac-ninh-pre2025,grdp_current,2022,actual,src-a,200000,
bac-ninh-pre2025,grdp_current,2023,actual,src-a,230000,
bac-giang-pre2025,grdp_current,2023,actual,src-a,170000,
""")
    assert sorted(derived(package)) == [("bac-ninh", "grdp_current", "2023", "actual")]


def test_parts_of_different_status_give_no_derived_figure(tmp_path):
    package = write_package(tmp_path, """\
bac-ninh-pre2025,grdp_current,2021,actual,src-a,200000,
bac-giang-pre2025,grdp_current,2021,estimate,src-a,150000,
""")
    assert [k for k in derived(package) if k[0] == "bac-ninh"] == []


def test_each_shared_status_gives_its_own_sum_and_the_page_shows_the_most_final(tmp_path):
    package = write_package(tmp_path, """\
bac-ninh-pre2025,grdp_current,2020,actual,src-a,200,
bac-ninh-pre2025,grdp_current,2020,estimate,src-a,190,
bac-giang-pre2025,grdp_current,2020,actual,src-a,100,
bac-giang-pre2025,grdp_current,2020,estimate,src-a,95,
bac-giang-pre2025,grdp_current,2020,preliminary,src-a,98,
""")
    rows = derived(package)
    assert {k[3]: r["value"] for k, r in rows.items() if k[0] == "bac-ninh"} == {"actual": 300, "estimate": 285}
    con = comparable.prepare(db.load_package(package))
    series = comparable.comparable_series(con, "bac-ninh", "grdp_current")
    assert [(r["period"], r["status"], r["value"]) for r in series] == [("2020", "actual", 300)]


def test_rates_shares_and_per_capita_figures_are_never_summed(tmp_path):
    observations = "".join(
        f"{unit},{indicator},2023,actual,src-a,{value},\n"
        for indicator, value in (("grdp_growth", 6.5), ("grdp_per_capita_vnd", 150), ("grdp_share_services", 30))
        for unit in ("bac-giang-pre2025", "bac-ninh-pre2025", "ha-noi-pre2025")
    )
    package = write_package(tmp_path, observations)
    assert table(package) == {}
    con = comparable.prepare(db.load_package(package))
    assert comparable.suspect_additive_indicators(con) == [
        {"indicator_id": "grdp_per_capita_vnd", "unit": "million_vnd_per_person", "measure": "level"}
    ]


def test_only_periods_that_ended_before_the_reform_are_derived(tmp_path):
    observations = "".join(
        f"{unit},export_value,{period},estimate,src-a,10,\n"
        for period in ("2025-H1", "2025-06", "2025-Q2", "2025-Q3", "2025-7M", "2025")
        for unit in ("bac-giang-pre2025", "bac-ninh-pre2025")
    )
    package = write_package(tmp_path, observations)
    assert sorted(k[2] for k in derived(package)) == ["2025-06", "2025-H1", "2025-Q2"]


def test_an_unchanged_province_gets_its_one_part_marked_derived(tmp_path):
    package = write_package(tmp_path, "ha-noi-pre2025,grdp_current,2019,actual,src-a,971700,\n")
    row = derived(package)[("ha-noi", "grdp_current", "2019", "actual")]
    assert (row["value"], row["parts"], row["source_ids"]) == (971700, "ha-noi-pre2025=971700@src-a", "src-a")


def test_the_most_recently_published_source_is_the_part_used(tmp_path):
    # src-b (2024-06-01) is newer than src-a (2024-01-15); src-c has no date (oldest);
    # src-b and src-d share a date: the smaller id, src-b, wins.
    package = write_package(tmp_path, """\
bac-ninh-pre2025,grdp_current,2023,actual,src-a,1,
bac-ninh-pre2025,grdp_current,2023,actual,src-b,2,
bac-ninh-pre2025,grdp_current,2023,actual,src-c,3,
bac-ninh-pre2025,grdp_current,2023,actual,src-d,4,
bac-giang-pre2025,grdp_current,2023,actual,src-c,10,
""")
    row = derived(package)[("bac-ninh", "grdp_current", "2023", "actual")]
    assert row["parts"] == "bac-giang-pre2025=10@src-c; bac-ninh-pre2025=2@src-b"
    assert row["value"] == 12


def test_the_provinces_own_figures_stay_published_and_win_over_a_sum(tmp_path):
    package = write_package(tmp_path, """\
bac-ninh,grdp_current,2024,estimate,src-d,500000,published for the merged area
bac-ninh,grdp_current,2025,estimate,src-d,560000,
bac-ninh-pre2025,grdp_current,2024,estimate,src-a,300000,
bac-giang-pre2025,grdp_current,2024,estimate,src-a,190000,
bac-ninh-pre2025,grdp_current,2024,actual,src-a,310000,
bac-giang-pre2025,grdp_current,2024,actual,src-a,195000,
""")
    rows = table(package)
    assert rows[("bac-ninh", "grdp_current", "2024", "estimate")]["derived"] is False
    assert rows[("bac-ninh", "grdp_current", "2024", "estimate")]["value"] == 500000
    assert rows[("bac-ninh", "grdp_current", "2025", "estimate")]["source_ids"] == "src-d"
    assert rows[("bac-ninh", "grdp_current", "2024", "actual")]["derived"] is True
    assert rows[("bac-ninh", "grdp_current", "2024", "actual")]["value"] == 505000


def test_sums_are_exact_decimals_in_every_format(tmp_path):
    package = write_package(tmp_path, """\
bac-ninh-pre2025,export_value,2024-Q1,actual,src-a,0.1,
bac-giang-pre2025,export_value,2024-Q1,actual,src-a,0.2,
""")
    con = db.load_package(package)
    written = files.write_comparable(con, tmp_path / "out")
    assert [p.name for p in written] == [
        "observations_comparable.csv", "observations_comparable.json", "observations_comparable.parquet"
    ]
    text = (tmp_path / "out" / "observations_comparable.csv").read_text(encoding="utf-8")
    assert text == (
        "unit_id,indicator_id,period,status,value,qualifier,derived,backcast,parts,source_ids\n"
        "bac-ninh,export_value,2024-Q1,actual,0.3,,true,false,bac-giang-pre2025=0.2@src-a; bac-ninh-pre2025=0.1@src-a,src-a\n"
    )
    records = json.loads((tmp_path / "out" / "observations_comparable.json").read_text(encoding="utf-8"))
    assert records == [{
        "unit_id": "bac-ninh", "indicator_id": "export_value", "period": "2024-Q1", "status": "actual",
        "value": 0.3, "qualifier": None, "derived": True, "backcast": False,
        "parts": "bac-giang-pre2025=0.2@src-a; bac-ninh-pre2025=0.1@src-a", "source_ids": "src-a",
    }]
    parquet = con.read_parquet(str(tmp_path / "out" / "observations_comparable.parquet")).fetchall()
    assert parquet == [("bac-ninh", "export_value", "2024-Q1", "actual", 0.3, None, True, False,
                        "bac-giang-pre2025=0.2@src-a; bac-ninh-pre2025=0.1@src-a", "src-a")]


@pytest.mark.parametrize("qualifiers, expected", [
    (("", ""), None),
    (("at_least", ""), "at_least"),  # more than a part and exactly the other: more than the sum
    (("about", ""), "about"),
    (("nearly", ""), "nearly"),
    (("at_least", "about"), "about"),
    (("at_least", "nearly"), "about"),  # bounded both ways: only about
    (("at_most", "nearly"), "at_most"),
])
def test_a_sum_is_as_bounded_as_its_parts(tmp_path, monkeypatch, qualifiers, expected):
    monkeypatch.setitem(HEADERS, "observations", "unit_id,indicator_id,period,status,source_id,value,qualifier")
    package = write_package(tmp_path, f"""\
bac-ninh-pre2025,export_value,2024,actual,src-a,100,{qualifiers[0]}
bac-giang-pre2025,export_value,2024,actual,src-a,200,{qualifiers[1]}
""")
    con = comparable.prepare(db.load_package(package))
    rows = [r for r in comparable.comparable_rows(con) if r["unit_id"] == "bac-ninh"]
    assert [(r["value"], r["derived"], r["qualifier"]) for r in rows] == [(300.0, True, expected)]


MIXED = """\
bac-giang-pre2025,export_value,2019,actual,src-a,5000.25,
bac-giang-pre2025,export_value,2020-H1,estimate,src-c,2600,
bac-giang-pre2025,grdp_current,2019,actual,src-a,136000,
bac-giang-pre2025,grdp_current,2019,actual,src-b,136100,
bac-giang-pre2025,grdp_current,2021,actual,src-a,150000,
bac-giang-pre2025,grdp_current,2024,estimate,src-a,190000,
bac-giang-pre2025,grdp_growth,2019,actual,src-a,16.2,
bac-ninh,export_value,2025-9M,estimate,src-d,45800,
bac-ninh,grdp_current,2025,estimate,src-d,560000,
bac-ninh-pre2025,export_value,2019,actual,src-a,36000,
bac-ninh-pre2025,export_value,2020-H1,estimate,src-b,14000.4,
bac-ninh-pre2025,grdp_current,2019,actual,src-c,210000,
bac-ninh-pre2025,grdp_current,2020,actual,src-a,220000,
bac-ninh-pre2025,grdp_current,2021,estimate,src-a,230000,
bac-ninh-pre2025,grdp_current,2024,estimate,src-a,300000,
bac-ninh-pre2025,grdp_growth,2019,actual,src-a,8.1,
ha-noi-pre2025,grdp_current,2019,actual,src-a,971700,
ha-noi-pre2025,grdp_current,2025-H1,estimate,src-b,700000.75,
ha-noi-pre2025,grdp_growth,2019,actual,src-a,7.6,
"""


def test_every_derived_figure_recomputes_from_its_parts(tmp_path):
    package = write_package(tmp_path / "pkg", MIXED)
    con = db.load_package(package)
    path = files.write_csv(con, tmp_path / "out" / "observations_comparable.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        published = {(r["unit_id"], r["indicator_id"], r["period"], r["status"]): r
                     for r in csv.DictReader(handle) if r["derived"] == "true"}
    expected = expected_derived(package)
    assert sorted(published) == sorted(expected)
    assert len(expected) == 6
    for key, row in published.items():
        parts = parse_parts(row["parts"])
        assert parts == expected[key]["parts"], key
        assert Decimal(row["value"]) == expected[key]["value"] == sum(v for v, _ in parts.values()), key
        assert row["source_ids"] == "; ".join(sorted({s for _, s in parts.values()})), key


def test_the_csv_is_valid_against_its_schema_in_the_published_package(tmp_path):
    from frictionless import Package

    package = write_package(tmp_path / "pkg", MIXED)
    con = db.load_package(package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    published = comparable.published_descriptor(descriptor)
    assert [r["name"] for r in published["resources"]][-1] == "observations_comparable"
    assert [r["name"] for r in descriptor["resources"]] == list(
        r["name"] for r in published["resources"][:-1]
    ), "the original descriptor is not changed"
    files.write_csv(con, package / comparable.resource_descriptor()["path"])
    (package / "datapackage.json").write_text(json.dumps(published, ensure_ascii=False), encoding="utf-8")
    report = Package(str(package / "datapackage.json")).validate()
    errors = [(t.name, e.type, e.note) for t in report.tasks for e in t.errors]
    assert report.valid, errors
    assert report.tasks[-1].stats["rows"] == len(comparable.comparable_rows(con))


def test_every_field_has_a_title_and_a_description():
    fields = comparable.resource_descriptor()["schema"]["fields"]
    assert [f["name"] for f in fields] == [
        "unit_id", "indicator_id", "period", "status", "value", "qualifier", "derived", "backcast", "parts",
        "source_ids"
    ]
    assert all(f.get("title") and f.get("description") for f in fields)


def test_the_page_queries_give_series_and_named_parts(tmp_path):
    package = write_package(tmp_path, MIXED)
    con = comparable.prepare(db.load_package(package))
    series = comparable.comparable_series(con, "bac-ninh", "grdp_current")
    assert [(r["period"], r["status"], r["kind"], r["source_url"]) for r in series] == [
        ("2019", "actual", "derived", None), ("2024", "estimate", "derived", None),
        ("2025", "estimate", "outcome", "https://example.org/d"),
    ]
    assert series[0]["value"] == 136100 + 210000  # src-b is newer than src-a for Bắc Giang 2019
    parts = comparable.comparable_parts(con, "bac-ninh", "grdp_current")
    assert [(r["period"], r["part_name_vi"], r["part_value"], r["part_source_url"]) for r in parts] == [
        ("2019", "Bắc Giang", 136100, "https://example.org/b"),
        ("2019", "Bắc Ninh", 210000, "https://example.org/c"),
        ("2024", "Bắc Giang", 190000, "https://example.org/a"),
        ("2024", "Bắc Ninh", 300000, "https://example.org/a"),
    ]
    coverage = {(r["unit_id"], r["indicator_id"]): r for r in comparable.coverage(con)}
    assert coverage[("bac-ninh", "grdp_current")]["derived_points"] == 2
    assert coverage[("bac-ninh", "grdp_current")]["merged_points"] == 2
    assert coverage[("bac-ninh", "grdp_current")]["first_period"] == "2019"
    assert coverage[("ha-noi", "grdp_current")]["last_period"] == "2025-H1"
    assert coverage[("ha-noi", "grdp_current")]["merged_points"] == 0


def test_the_same_package_gives_byte_identical_files(tmp_path):
    package = write_package(tmp_path / "pkg", MIXED)
    first = files.write_comparable(db.load_package(package), tmp_path / "one")
    second = files.write_comparable(db.load_package(package), tmp_path / "two")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


@pytest.mark.parametrize("value, text", [(271346.0, "271346"), (45000.5, "45000.5"), (0.3, "0.3"),
                                         (1e17, "100000000000000000"), (-2.5, "-2.5"), (0.0, "0")])
def test_numbers_are_written_without_exponent_or_trailing_zeros(value, text):
    assert files.number_text(value) == text


def test_validation_rejects_a_crosswalk_that_misses_repeats_or_points_backwards(tmp_path):
    """A crosswalk that misses, repeats or points backwards is refused (the checks live in build_scripts/checks/crosswalk_*.sql, owned by validation)."""
    from build_scripts.validate import validate_package

    crosswalk = """\
bac-ninh-pre2025,bac-ninh,2025-07-01,src-x
bac-ninh-pre2025,ha-noi,2025-07-01,src-x
ha-noi-pre2025,bac-ninh-pre2025,2025-07-01,src-x
"""
    package = write_package(tmp_path, "", crosswalk=crosswalk)
    problems = {(p.file, p.row, p.field, p.type, p.severity) for p in validate_package(package).problems
                if p.type == "crosswalk"}
    assert problems == {
        ("data/units.csv", 2, "unit_id", "crosswalk", "error"),  # bac-giang-pre2025 has no successor
        ("data/unit_crosswalk.csv", 3, "from_unit_id", "crosswalk", "error"),  # bac-ninh-pre2025 twice
        ("data/unit_crosswalk.csv", 4, "to_unit_id", "crosswalk", "error"),  # points to a pre-2025 unit
    }


def test_the_command_prints_the_coverage_note_and_writes_the_files(tmp_path, capsys):
    from build_scripts.reform.__main__ import main

    package = write_package(tmp_path / "pkg", MIXED)
    assert main(["--package", str(package), "--out", str(tmp_path / "out")]) == 0
    note = capsys.readouterr().out
    assert note.startswith("# Comparable history gained across the 2025 reform\n")
    assert "6 derived points (4 summed from two or more former provinces) for 2 indicators in 2 post-2025 provinces" in note
    assert "## Bac Ninh (`bac-ninh`): 4 points" in note
    assert "| `grdp_current` | 2 | 2 | 2019 | 2024 |" in note
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "observations_comparable.csv", "observations_comparable.json", "observations_comparable.parquet"
    ]


def test_the_command_refuses_an_invalid_package_with_a_sentence(tmp_path, capsys):
    from build_scripts.reform.__main__ import main

    package = write_package(tmp_path / "pkg", "bac-ninh-pre2025,grdp_current,2023,actual,src-missing,1,\n")
    assert main(["--package", str(package)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "validation error(s); run python -m build_scripts validate --package" in captured.err
    assert main(["--package", str(tmp_path / "nowhere")]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_the_command_refuses_a_file_as_output_folder(tmp_path, capsys):
    from build_scripts.reform.__main__ import main

    package = write_package(tmp_path / "pkg", MIXED)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["--package", str(package), "--out", str(tmp_path / "file")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_targets_sum_to_a_target_kept_apart_from_outcomes(tmp_path):
    package = write_package(tmp_path, """\
bac-ninh-pre2025,grdp_current,2024,plan,src-a,240000,
bac-giang-pre2025,grdp_current,2024,plan,src-a,200000,
bac-ninh-pre2025,grdp_current,2024,estimate,src-a,232800,
bac-giang-pre2025,grdp_current,2024,estimate,src-a,207000,
""")
    con = comparable.prepare(db.load_package(package))
    series = comparable.comparable_series(con, "bac-ninh", "grdp_current")
    assert [(r["period"], r["status"], r["kind"], r["value"]) for r in series] == [
        ("2024", "estimate", "derived", 439800), ("2024", "plan", "target", 440000)
    ]


def test_the_sites_download_writers_give_the_same_files(tmp_path):
    """stg_observations_comparable lets build_scripts/downloads.py treat the resource like the others."""
    from build_scripts import downloads

    package = write_package(tmp_path / "pkg", MIXED)
    con = db.load_package(package)
    ours = files.write_comparable(con, tmp_path / "ours")
    assert db.row_count(con, "observations_comparable") == 8
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    downloads.write_json(con, "observations_comparable", files.field_names(), theirs / "observations_comparable.json")
    downloads.write_parquet(con, "observations_comparable", theirs / "observations_comparable.parquet")
    for path in ours:
        if path.suffix != ".csv":
            assert (theirs / path.name).read_bytes() == path.read_bytes(), path.name
