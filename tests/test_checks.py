"""Unit tests for every domain check of build_scripts/checks/catalog.toml, on a small synthetic package (test data
only): each check fires on the defect it is for, at the right file, row and field, with its declared severity, and
is silent on the valid package."""

from __future__ import annotations

import pytest

from benchmarks.synthetic import generate
from build_scripts.errors import say
from build_scripts.validate import validate_package
from build_scripts.validation import domain
from build_scripts.validation.sql import CHECKS
from tests import bad_packages as bp
from tests import test_validate_bad as cases


@pytest.fixture
def pkg(tmp_path):
    out = tmp_path / "package"
    generate(out, indicators=8, provinces=4, periods=6, seed=3)
    return out


def post2025_before_reform(pkg):
    post = bp.unit_ids(pkg, boundary="post-2025")
    row = bp.find_row(pkg, "observations", lambda d: d["unit_id"] in post)
    bp.set_cell(pkg, "observations", row, "period", "1900")
    return "data/observations.csv", row, "period", "unit-validity"


def backcast_marked_inside_validity(pkg):
    post = bp.unit_ids(pkg, boundary="post-2025")
    row = bp.find_row(pkg, "observations", lambda d: d["unit_id"] in post)
    bp.set_cell(pkg, "observations", row, "backcast", "true")
    return "data/observations.csv", row, "backcast", "unit-validity"


def backcast_marked_outside_validity_passes(pkg):
    """The one way a figure may precede its unit: marked as the publisher's back-cast (no problem reported)."""
    post = bp.unit_ids(pkg, boundary="post-2025")
    row = bp.find_row(pkg, "observations", lambda d: d["unit_id"] in post)
    bp.set_cell(pkg, "observations", row, "period", "1900")
    bp.set_cell(pkg, "observations", row, "backcast", "true")
    return row


def whole_transfer_twice(pkg):
    header, rows = bp.read(pkg, "unit_crosswalk")
    extra = list(rows[0])
    extra[header.index("to_unit_id")] = rows[1][header.index("to_unit_id")]
    extra[header.index("transfer")] = "partial"
    rows.insert(1, extra)
    bp.write(pkg, "unit_crosswalk", header, rows)
    return "data/unit_crosswalk.csv", 3, "from_unit_id", "crosswalk"


def whole_transfer_of_a_unit_that_goes_on(pkg):
    header, rows = bp.read(pkg, "unit_crosswalk")
    gone = rows[0][header.index("from_unit_id")]
    row = bp.find_row(pkg, "units", lambda d: d["unit_id"] == gone)
    bp.set_cell(pkg, "units", row, "valid_to", "")
    return "data/unit_crosswalk.csv", 2, "from_unit_id", "crosswalk"


def validity_order(pkg):
    row = bp.find_row(pkg, "units", lambda d: d["valid_from"] != "")
    bp.set_cell(pkg, "units", row, "valid_to", "2000-01-01")
    return "data/units.csv", row, "valid_to", "date"


def disagreeing_sources(pkg):
    header, rows = bp.read(pkg, "observations")
    first = dict(zip(header, rows[0]))
    other = max(d["source_id"] for d in bp.dicts(pkg, "sources") if d["source_id"] != first["source_id"])
    rows.insert(1, [dict(first, source_id=other, value=str(float(first["value"]) * 2 + 1)).get(h, "") for h in header])
    bp.write(pkg, "observations", header, rows)
    return "data/observations.csv", 3, "value", "sources-disagree"


def crosswalk_repeated(pkg):
    header, rows = bp.read(pkg, "unit_crosswalk")
    extra = list(rows[0])
    extra[header.index("to_unit_id")] = rows[1][header.index("to_unit_id")]
    rows.insert(1, extra)
    bp.write(pkg, "unit_crosswalk", header, rows)
    return "data/unit_crosswalk.csv", 3, "from_unit_id", "crosswalk"


def crosswalk_from(pkg):
    header, rows = bp.read(pkg, "unit_crosswalk")
    rows[0][header.index("from_unit_id")] = "viet-nam-pre2025"
    bp.write(pkg, "unit_crosswalk", header, rows)
    units_header, units = bp.read(pkg, "units")
    units.append([{"unit_id": "viet-nam-pre2025", "name_vi": "X", "name_en": "X", "unit_type": "country"}.get(h, "")
                  for h in units_header])
    bp.write(pkg, "units", units_header, sorted(units))
    return "data/unit_crosswalk.csv", 2, "from_unit_id", "crosswalk"


def bad_rank_zero(pkg):
    ids = bp.indicator_rows(pkg, measure="rank")
    row = bp.find_row(pkg, "observations", lambda d: d["indicator_id"] in ids)
    bp.set_cell(pkg, "observations", row, "value", "0")
    return "data/observations.csv", row, "value", "rank"


def huge_number(pkg):
    row = bp.find_row(pkg, "observations", lambda d: True)
    bp.set_cell(pkg, "observations", row, "value", "1e400")
    return "data/observations.csv", row, "value", "not-finite"


def note_in_english_only(pkg):
    row = bp.find_row(pkg, "observations", lambda d: d["note"] == "")
    bp.set_cell(pkg, "observations", row, "note", "figure read from a chart")
    return "data/observations.csv", row, "note_vi", "note-language"


def source_without_title(pkg):
    row = bp.find_row(pkg, "sources", lambda d: d["title"] != "")
    bp.set_cell(pkg, "sources", row, "title", "")
    return "data/sources.csv", row, "title", "source-untitled"


def source_without_date(pkg):
    row = bp.find_row(pkg, "sources", lambda d: d["published"] != "")
    bp.set_cell(pkg, "sources", row, "published", "")
    return "data/sources.csv", row, "published", "source-untitled"


CASES = {
    "period_grammar": [cases.bad_period, cases.noncanonical_period],
    "finite_value": [cases.nan_value, cases.infinite_value, huge_number],
    "share_range": [cases.share_over_100],
    "negative_level": [cases.negative_level],
    "rank_value": [cases.bad_rank, bad_rank_zero],
    "unit_validity": [cases.pre2025_after_reform, post2025_before_reform],
    "backcast_mark": [backcast_marked_inside_validity],
    "source_url": [cases.hostile_url_scheme, cases.hostile_url_text],
    "published_date": [cases.published_not_a_date],
    "validity_order": [validity_order],
    "disagreeing_sources": [disagreeing_sources],
    "tile_unique": [cases.tile_taken],
    "crosswalk_missing": [cases.crosswalk_gap],
    "crosswalk_repeated": [crosswalk_repeated, whole_transfer_twice],
    "crosswalk_from": [crosswalk_from, whole_transfer_of_a_unit_that_goes_on],
    "crosswalk_to": [cases.crosswalk_to_old],
    "source_page_kind": [cases.tag_page_source, cases.home_page_source, cases.search_page_source],
    "machine_translation": [cases.machine_translated_source],
    "source_title_date": [source_without_title, source_without_date],
    "note_translation": [cases.note_vi_without_note, note_in_english_only],
}
PAIRS = [(name, breaker) for name, breakers in sorted(CASES.items()) for breaker in breakers]


def test_every_check_has_a_query_a_sentence_and_a_test():
    checks = domain.catalog()["checks"]
    assert sorted(checks) == sorted(CASES)
    for name, check in checks.items():
        assert (CHECKS / f"{name}.sql").is_file()
        assert check["severity"] in ("error", "warning")
        assert say(name) != name, f"no sentence for {name} in messages.toml"


def test_the_valid_synthetic_package_passes_every_check(pkg):
    report = validate_package(pkg)
    assert report.problems == [], [str(p) for p in report.problems[:5]]


@pytest.mark.parametrize("name,breaker", PAIRS, ids=[f"{n}-{b.__name__}" for n, b in PAIRS])
def test_check_fires_where_it_should(pkg, name, breaker):
    file, row, field, kind = breaker(pkg)
    severity = domain.catalog()["checks"][name]["severity"]
    report = validate_package(pkg)
    found = [p for p in report.problems if (p.file, p.row, p.field, p.type) == (file, row, field, kind)]
    assert found, [str(p) for p in report.problems[:10]]
    assert found[0].severity == severity
    assert report.ok == (severity == "warning" and not report.errors)


def test_period_hint_names_the_canonical_spelling(pkg):
    file, row, field, kind = cases.noncanonical_period(pkg)
    problem = next(p for p in validate_package(pkg).errors if (p.row, p.type) == (row, "period"))
    assert problem.message == "2024-3M is not a canonical period: write 2024-Q1"


def test_signed_levels_may_be_negative(pkg):
    header, rows = bp.read(pkg, "indicators")
    rows[0][header.index("indicator_id")] = "trade_balance"
    old = bp.dicts(pkg, "indicators")[0]["indicator_id"]
    bp.write(pkg, "indicators", header, sorted(rows))
    oh, orows = bp.read(pkg, "observations")
    for r in orows:
        if r[oh.index("indicator_id")] == old:
            r[oh.index("indicator_id")] = "trade_balance"
            r[oh.index("value")] = "-12.5"
    bp.write(pkg, "observations", oh, sorted(orows))
    report = validate_package(pkg)
    assert report.ok, [str(p) for p in report.errors[:5]]


def test_hostile_text_is_data_and_is_escaped_in_messages(pkg):
    row = bp.find_row(pkg, "observations", lambda d: True)
    bp.set_cell(pkg, "observations", row, "note", "<script>alert('x')</script> \u202egnp.exe \x1b[31m")
    bp.set_cell(pkg, "observations", row, "note_vi", "<script>alert('y')</script> \u202egnp.exe")
    bp.set_cell(pkg, "sources", 2, "title", "<img src=x onerror=alert(1)>")  # bidi in a name: refused (test_hostile_inputs)
    report = validate_package(pkg)
    assert report.ok, [str(p) for p in report.errors]
    bp.set_cell(pkg, "observations", row, "status", "\u202eactual\x1b[2J")
    report = validate_package(pkg)
    problem = next(p for p in report.errors if p.row == row and p.field == "status")
    assert "\u202e" not in str(problem) and "\x1b" not in str(problem)
    assert "\\u202e" in str(problem) and "\\x1b" in str(problem)


def test_every_check_is_documented_for_maintainers():
    readme = (CHECKS / "README.md").read_text(encoding="utf-8")
    for name, check in domain.catalog()["checks"].items():
        assert f"| `{name}` | {check['severity']} |" in readme, name


def test_a_non_finite_value_is_one_problem_not_three(pkg):
    ids = bp.indicator_rows(pkg, measure="level")
    row = bp.find_row(pkg, "observations", lambda d: d["indicator_id"] in ids)
    bp.set_cell(pkg, "observations", row, "value", "-Infinity")
    found = [p.type for p in validate_package(pkg).errors if p.row == row]
    assert found == ["not-finite"]


def test_a_backcast_figure_may_precede_its_unit(pkg):
    row = backcast_marked_outside_validity_passes(pkg)
    report = validate_package(pkg)
    assert [p for p in report.problems if p.row == row and p.file == "data/observations.csv"] == []


def test_validity_message_names_the_unit_its_dates_and_the_way_out(pkg):
    file, row, field, _kind = post2025_before_reform(pkg)
    problem = next(p for p in validate_package(pkg).errors if (p.file, p.row, p.field) == (file, row, field))
    assert "exists from 2025-07-01, but period 1900 ends on 1900-12-31" in problem.message
    assert "set backcast to true" in problem.message
