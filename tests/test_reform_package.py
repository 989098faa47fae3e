"""Comparable series on the real package (datapackage/): every derived figure recomputed from its parts
in plain Python, the new Bắc Ninh's GRDP at current prices running back as far as both former provinces
have figures, every derived point naming its parts and their sources, and the crosswalk checks present
in validation."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from decimal import Decimal

import pytest

from build_scripts import db, settings
from build_scripts.reform import comparable, files
from test_reform_recompute import eras_of, expected_derived, parse_parts, period_end, read, shown_figures, summable

PACKAGE = settings.PACKAGE_DIR


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> dict[tuple, dict]:
    """observations_comparable.csv as written for the site, read back as a user would."""
    out = tmp_path_factory.mktemp("downloads")
    files.write_comparable(db.load_package(PACKAGE), out)
    with open(out / "observations_comparable.csv", encoding="utf-8", newline="") as handle:
        return {(r["unit_id"], r["indicator_id"], r["period"], r["status"]): r for r in csv.DictReader(handle)}


def test_every_derived_figure_recomputes_from_its_parts(published):
    derived = {k: r for k, r in published.items() if r["derived"] == "true"}
    expected = expected_derived(PACKAGE)
    assert sorted(derived) == sorted(expected), "derived rows differ from an independent recomputation"
    for key, row in derived.items():
        parts = parse_parts(row["parts"])
        assert parts == expected[key]["parts"], key
        assert Decimal(row["value"]) == expected[key]["value"], key


def test_only_additive_levels_of_post2025_provinces_are_published(published):
    indicators = {i["indicator_id"]: i for i in read(PACKAGE, "indicators")}
    units = {u["unit_id"]: u for u in read(PACKAGE, "units")}
    assert published, "the real package gives no comparable rows"
    for unit, indicator, _, _ in published:
        assert units[unit]["boundary"] == "post-2025", unit
        assert summable(indicators[indicator]), indicator


def test_published_figures_of_post2025_provinces_stay_as_published(published):
    shown = shown_figures(PACKAGE)
    for key, row in published.items():
        if row["derived"] == "false":
            assert Decimal(row["value"]) == Decimal(shown[key]["value"]), key
            assert row["source_ids"] == shown[key]["source_id"] and row["parts"] == "", key


def test_every_derived_point_names_every_former_province_and_an_openable_source(published):
    eras = eras_of(PACKAGE)
    urls = {s["source_id"]: s["url"] for s in read(PACKAGE, "sources")}
    for (unit, *_), row in published.items():
        if row["derived"] == "true":
            parts = parse_parts(row["parts"])
            assert set(parts) in [set(era[3]) for era in eras[unit]], (unit, row["parts"])
            sources = row["source_ids"].split("; ")
            assert sources == sorted({s for _, s in parts.values()})
            assert all(urls[s].startswith(("http://", "https://")) for s in sources)


def test_new_bac_ninh_grdp_runs_back_as_far_as_both_former_provinces_have_figures(published):
    parts = ("bac-giang-pre2025", "bac-ninh-pre2025")
    by_status = defaultdict(set)
    for o in read(PACKAGE, "observations"):
        if o["indicator_id"] == "grdp_current" and o["unit_id"] in parts:
            by_status[(o["period"], o["status"])].add(o["unit_id"])
    both = [p for (p, _), units in by_status.items() if len(units) == 2 and period_end(p).isoformat() < "2025-07-01"]
    assert both, "both former provinces have no GRDP period in common"
    series = {k: r for k, r in published.items() if k[:2] == ("bac-ninh", "grdp_current")}
    first = min(period_end(k[2]) for k in series)
    assert first == min(period_end(p) for p in both)
    for key, row in series.items():
        if row["derived"] == "true":
            assert set(parse_parts(row["parts"])) == set(parts), key
    # the series joins the post-reform figures: one comparable series from the first common year to 2025
    assert max(k[2] for k in series if k[2].isdigit()) >= "2025"


def test_page_parts_name_both_former_provinces_with_their_sources():
    con = comparable.prepare(db.load_package(PACKAGE))
    series = comparable.series_with_parts(con, "bac-ninh", "grdp_current")
    derived = [r for r in series if r["kind"] == "derived"]
    assert derived and series[-1]["kind"] == "outcome", "derived history joined to the post-reform figures"
    assert max(r["end_date"] for r in derived) < min(r["end_date"] for r in series if r["kind"] == "outcome" and r["period"] >= "2025")
    for point in derived:
        named = point["part_list"]
        assert sorted(p["name_vi"] for p in named) == ["Bắc Giang", "Bắc Ninh"]
        assert all(p["source_url"].startswith("http") and p["source_publisher"] for p in named)
        assert sum(Decimal(str(p["value"])) for p in named) == Decimal(str(point["value"]))


def test_the_published_package_with_the_comparable_resource_is_valid(tmp_path):
    import shutil

    from frictionless import Package

    package = tmp_path / "pkg"
    shutil.copytree(PACKAGE, package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    published = comparable.published_descriptor(descriptor)
    (package / "datapackage.json").write_text(json.dumps(published, ensure_ascii=False), encoding="utf-8")
    files.write_csv(db.load_package(PACKAGE), package / "data" / "observations_comparable.csv")
    resource = Package(str(package / "datapackage.json")).get_resource("observations_comparable")
    report = resource.validate()
    assert report.valid, [(e.type, e.note) for t in report.tasks for e in t.errors][:5]
    assert (package / "data" / "observations.csv").read_bytes() == (PACKAGE / "data" / "observations.csv").read_bytes()


def test_no_indicator_is_marked_additive_that_is_per_capita_or_per_area():
    con = comparable.prepare(db.load_package(PACKAGE))
    assert comparable.suspect_additive_indicators(con) == []


def test_validation_checks_the_crosswalk():
    from build_scripts.validate import validate_package

    report = validate_package(PACKAGE)
    problems = [p for p in report.problems if "crosswalk" in (p.type or "")]
    assert problems == []
    checks = {p.stem for p in (settings.REPO / "build_scripts" / "checks").glob("crosswalk_*.sql")}
    assert {"crosswalk_missing", "crosswalk_repeated", "crosswalk_from", "crosswalk_to"} <= checks
