"""The bad-input suite: broken packages built from the real one, one defect each. Every one must give exit 1 (or a
warning where the defect is a warning) and a line naming its file, row and field, with the right kind."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from build_scripts.validate import validate_package
from tests import bad_packages as bp

OBS = "data/observations.csv"
UNITS = "data/units.csv"
SOURCES = "data/sources.csv"
INDICATORS = "data/indicators.csv"
CROSSWALK = "data/unit_crosswalk.csv"


def _obs_row(pkg, predicate=lambda d: True):
    return bp.find_row(pkg, "observations", predicate)


# Each breaker breaks one thing and returns the problem the validator must report: (file, row, field, type).
def wrong_number(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "value", "12,5")
    return OBS, row, "value", "type-error"


def wrong_integer(pkg):
    bp.set_cell(pkg, "indicators", 2, "display_order", "1.5")
    return INDICATORS, 2, "display_order", "type-error"


def wrong_boolean(pkg):
    bp.set_cell(pkg, "indicators", 3, "headline", "yes")
    return INDICATORS, 3, "headline", "type-error"


def impossible_date(pkg):
    row = bp.find_row(pkg, "units", lambda d: d["valid_to"] != "" or d["boundary"] == "pre-2025")
    bp.set_cell(pkg, "units", row, "valid_to", "2025-02-30")
    return UNITS, row, "valid_to", "type-error"


def missing_column(pkg):
    last = bp.read(pkg, "observations")[0][-1]
    bp.edit_rows(pkg, "observations", lambda h, rows: (h[:-1], [r[:-1] for r in rows]))
    return OBS, 1, last, "missing-label"


def extra_column(pkg):
    bp.edit_rows(pkg, "observations", lambda h, rows: (h + ["comment"], [r + [""] for r in rows]))
    return OBS, 1, "comment", "extra-label"


def swapped_columns(pkg):
    def edit(h, rows):
        return [h[1], h[0]] + h[2:], [[r[1], r[0]] + r[2:] for r in rows]
    bp.edit_rows(pkg, "observations", edit)
    return OBS, 1, "unit_id", "incorrect-label"


def ragged_long(pkg):
    bp.edit_rows(pkg, "observations", lambda h, rows: (h, [r + ["x"] if i == 1 else r for i, r in enumerate(rows)]))
    return OBS, 3, None, "extra-cell"


def ragged_short(pkg):
    # the third data row stops before its value: every cell from value on is missing
    bp.edit_rows(pkg, "observations", lambda h, rows: (h, [r[:h.index("value")] if i == 2 else r for i, r in enumerate(rows)]))
    return OBS, 4, "value", "missing-cell"


def duplicate_key(pkg):
    bp.edit_rows(pkg, "observations", lambda h, rows: (h, rows[:1] + [list(rows[0])] + rows[1:]))
    return OBS, 3, "unit_id, indicator_id, period, status, source_id", "primary-key"


def duplicate_key_far(pkg):
    bp.edit_rows(pkg, "observations", lambda h, rows: (h, rows + [list(rows[0])]))
    return OBS, len(bp.read(pkg, "observations")[1]) + 1, "unit_id, indicator_id, period, status, source_id", "primary-key"


def duplicate_unique(pkg):
    def edit(h, rows):
        i = h.index("url")
        rows[1][i] = rows[0][i]
        return h, rows
    bp.edit_rows(pkg, "sources", edit)
    return SOURCES, 3, "url", "unique-error"


def broken_fk_unit(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "unit_id", "aaa-atlantis")
    return OBS, row, "unit_id", "foreign-key"


def broken_fk_source(pkg):
    bp.set_cell(pkg, "units", 2, "source_id", "src-doesnotexist")
    return UNITS, 2, "source_id", "foreign-key"


def broken_self_fk(pkg):
    row = bp.find_row(pkg, "units", lambda d: d["region_id"] != "")
    bp.set_cell(pkg, "units", row, "region_id", "no-such-region")
    return UNITS, row, "region_id", "foreign-key"


def bad_period(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "period", "2024-Q5")
    return OBS, row, "period", "period"


def noncanonical_period(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "period", "2024-3M")
    return OBS, row, "period", "period"


def bad_enum(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "status", "final")
    return OBS, row, "status", "constraint-error"


def empty_required(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "value", "")
    return OBS, row, "value", "constraint-error"


def nan_value(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "value", "NaN")
    return OBS, row, "value", "not-finite"


def infinite_value(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "value", "-Infinity")
    return OBS, row, "value", "not-finite"


def not_utf8(pkg):
    path = bp.csv_path(pkg, "units")
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3] + "H\xe0 N\xf4i".encode("latin-1")
    path.write_bytes(b"\n".join(lines))
    return UNITS, 4, None, "encoding-error"


def bom(pkg):
    path = bp.csv_path(pkg, "sources")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return SOURCES, 1, None, "canonical-form"


def crlf(pkg):
    path = bp.csv_path(pkg, "indicators")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return INDICATORS, 1, None, "canonical-form"


def nfd_text(pkg):
    import unicodedata
    row = bp.find_row(pkg, "units", lambda d: unicodedata.normalize("NFD", d["name_vi"]) != d["name_vi"])
    header, rows = bp.read(pkg, "units")
    rows[row - 2][header.index("name_vi")] = unicodedata.normalize("NFD", rows[row - 2][header.index("name_vi")])
    bp.write(pkg, "units", header, rows)
    return UNITS, row, "name_vi", "nfc"


def unsorted_rows(pkg):
    bp.edit_rows(pkg, "observations", lambda h, rows: (h, [rows[1], rows[0]] + rows[2:]))
    return OBS, 3, "unit_id, indicator_id, period, status, source_id", "canonical-form"


def blank_row(pkg):
    bp.edit_rows(pkg, "observations", lambda h, rows: (h, rows[:2] + [[""] * len(h)] + rows[2:]))
    return OBS, 4, None, "blank-row"


def empty_file(pkg):
    bp.csv_path(pkg, "sources").write_bytes(b"")
    return SOURCES, 1, None, "empty-file"


def nul_byte(pkg):
    path = bp.csv_path(pkg, "indicators")
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b",", b",\x00", 1)
    path.write_bytes(b"\n".join(lines))
    return INDICATORS, 3, None, "encoding-error"


def unterminated_quote(pkg):
    path = bp.csv_path(pkg, "sources")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace(",", ',"oops', 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return SOURCES, 3, None, "source-error"


def invalid_json(pkg):
    path = pkg / "datapackage.json"
    text = path.read_text(encoding="utf-8")[:-20]
    path.write_text(text, encoding="utf-8")
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return "datapackage.json", exc.lineno, None, "descriptor-json"


def unknown_field_type(pkg):
    bp.edit_descriptor(pkg, lambda d: bp.resource_of(d, "sources")["schema"]["fields"][0].update(type="strin"))
    return ("datapackage.json", bp.descriptor_line(pkg, "sources", "source_id"), "resources.sources.schema.fields.source_id.type",
            "field-type")


def unsafe_path(pkg):
    bp.edit_descriptor(pkg, lambda d: bp.resource_of(d, "sources").update(path="../../etc/passwd"))
    return "datapackage.json", bp.descriptor_line(pkg, "sources"), "resources.sources.path", "path-escapes"


def absolute_path(pkg):
    bp.edit_descriptor(pkg, lambda d: bp.resource_of(d, "sources").update(path="/etc/passwd"))
    return "datapackage.json", bp.descriptor_line(pkg, "sources"), "resources.sources.path", "path-absolute"


def remote_path(pkg):
    bp.edit_descriptor(pkg, lambda d: bp.resource_of(d, "sources").update(path="https://example.org/sources.csv"))
    return "datapackage.json", bp.descriptor_line(pkg, "sources"), "resources.sources.path", "path-remote"


def symlink_escape(pkg):
    outside = pkg.parent / "outside.csv"
    outside.write_bytes(bp.csv_path(pkg, "sources").read_bytes())
    bp.csv_path(pkg, "sources").unlink()
    os.symlink(outside, bp.csv_path(pkg, "sources"))
    return "datapackage.json", bp.descriptor_line(pkg, "sources"), "resources.sources.path", "path-escapes"


def missing_file(pkg):
    bp.csv_path(pkg, "unit_crosswalk").unlink()
    return CROSSWALK, None, None, "missing-file"


def hostile_url_scheme(pkg):
    bp.set_cell(pkg, "sources", 2, "url", "javascript:alert(document.cookie)//https://x")
    return SOURCES, 2, "url", "url"


def hostile_url_text(pkg):
    bp.set_cell(pkg, "sources", 2, "url", "https://exam\u202eple.org/<script>")
    return SOURCES, 2, "url", "url"


def negative_level(pkg):
    ids = bp.indicator_rows(pkg, measure="level", unit="persons") or bp.indicator_rows(pkg, measure="level", unit="km2")
    row = _obs_row(pkg, lambda d: d["indicator_id"] in ids)
    bp.set_cell(pkg, "observations", row, "value", "-5")
    return OBS, row, "value", "negative-level"


def share_over_100(pkg):
    ids = bp.indicator_rows(pkg, measure="share_pct")
    if not ids:  # the real catalogue may name its shares differently: make one
        bp.set_cell(pkg, "indicators", 2, "measure", "share_pct")
        ids = {bp.dicts(pkg, "indicators")[0]["indicator_id"]}
    row = _obs_row(pkg, lambda d: d["indicator_id"] in ids)
    bp.set_cell(pkg, "observations", row, "value", "150")
    return OBS, row, "value", "share-range"


def bad_rank(pkg):
    ids = bp.indicator_rows(pkg, measure="rank")
    row = _obs_row(pkg, lambda d: d["indicator_id"] in ids)
    bp.set_cell(pkg, "observations", row, "value", "2.5")
    return OBS, row, "value", "rank"


def pre2025_after_reform(pkg):
    pre = bp.unit_ids(pkg, boundary="pre-2025")
    row = _obs_row(pkg, lambda d: d["unit_id"] in pre and d["period"] < "2025")
    header, rows = bp.read(pkg, "observations")
    rows[row - 2][header.index("period")] = "2099"
    bp.write(pkg, "observations", header, rows)
    return OBS, row, "period", "unit-validity"


def published_not_a_date(pkg):
    bp.set_cell(pkg, "sources", 2, "published", "2024-13")
    return SOURCES, 2, "published", "date"


def tile_taken(pkg):
    rows = [d for d in bp.dicts(pkg, "units") if d["tile_row"] != ""]
    a = rows[0]
    b = next(d for d in rows[1:] if d["boundary"] == a["boundary"])  # tiles are unique within one map
    bp.set_cell(pkg, "units", b["_row"], "tile_row", a["tile_row"])
    bp.set_cell(pkg, "units", b["_row"], "tile_col", a["tile_col"])
    return UNITS, b["_row"], "tile_row", "tile"


def crosswalk_gap(pkg):
    header, rows = bp.read(pkg, "unit_crosswalk")
    gone = rows[0][header.index("from_unit_id")]
    bp.write(pkg, "unit_crosswalk", header, rows[1:])
    return UNITS, bp.find_row(pkg, "units", lambda d: d["unit_id"] == gone), "unit_id", "crosswalk"


def crosswalk_to_old(pkg):
    header, rows = bp.read(pkg, "unit_crosswalk")
    rows[0][header.index("to_unit_id")] = rows[1][header.index("from_unit_id")]
    bp.write(pkg, "unit_crosswalk", header, sorted(rows))
    row = bp.find_row(pkg, "unit_crosswalk", lambda d: d["to_unit_id"].endswith("-pre2025"))
    return CROSSWALK, row, "to_unit_id", "crosswalk"


def control_chars_in_id(pkg):
    row = _obs_row(pkg)
    value = bp.dicts(pkg, "observations")[row - 2]["indicator_id"]
    bp.set_cell(pkg, "observations", row, "indicator_id", value + "\x1b[2J")
    return OBS, row, "indicator_id", "constraint-error"


def overlong_note(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "note", "<script>alert(1)</script>" * 200)
    return OBS, row, "note", "constraint-error"


def boolean_spelling(pkg):
    header, rows = bp.read(pkg, "indicators")
    i = header.index("headline")
    rows[0][i] = "True" if rows[0][i] == "true" else "False"
    bp.write(pkg, "indicators", header, rows)
    return INDICATORS, 2, "headline", "canonical-form"


def above_maximum(pkg):
    row = bp.find_row(pkg, "units", lambda d: d["tile_row"] != "")
    bp.set_cell(pkg, "units", row, "tile_row", "99")
    return UNITS, row, "tile_row", "constraint-error"


def bad_pattern_slug(pkg):
    row = bp.find_row(pkg, "units", lambda d: d["unit_type"] == "region")
    header, rows = bp.read(pkg, "units")
    rows[row - 2][header.index("gso_code")] = "1A"
    bp.write(pkg, "units", header, rows)
    return UNITS, row, "gso_code", "constraint-error"


def resource_missing_from_descriptor(pkg):
    bp.edit_descriptor(pkg, lambda d: d.update(resources=[r for r in d["resources"] if r["name"] != "sources"]))
    return "datapackage.json", None, None, "resource-missing"


def descriptor_not_object(pkg):
    (pkg / "datapackage.json").write_text("[1, 2, 3]", encoding="utf-8")
    return "datapackage.json", None, None, "descriptor-not-object"


def quote_in_wrong_place(pkg):
    path = bp.csv_path(pkg, "indicators")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(",", ',x"y"', 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return INDICATORS, 2, None, "canonical-form"  # a quote inside an unquoted cell is text (Python csv, frictionless)


def bad_qualifier(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "qualifier", "more_than")
    return OBS, row, "qualifier", "constraint-error"


def bad_producer(pkg):
    row = _obs_row(pkg)
    bp.set_cell(pkg, "observations", row, "producer", "news")
    return OBS, row, "producer", "constraint-error"


def note_without_note_vi(pkg):
    row = _obs_row(pkg, lambda d: d["note"] != "")
    bp.set_cell(pkg, "observations", row, "note_vi", "")
    return OBS, row, "note_vi", "note-language"


def note_vi_without_note(pkg):
    row = _obs_row(pkg, lambda d: d["note"] == "")
    bp.set_cell(pkg, "observations", row, "note_vi", "ghi chú không có bản tiếng Anh")
    return OBS, row, "note", "note-language"


def tag_page_source(pkg):
    row = bp.find_row(pkg, "sources", lambda d: d["source_id"].startswith("src-"))
    bp.set_cell(pkg, "sources", row, "url", "https://baomoi.com/tag/grdp/trang2.epi")
    return SOURCES, row, "url", "source-page"


def home_page_source(pkg):
    row = bp.find_row(pkg, "sources", lambda d: d["source_id"].startswith("src-"))
    bp.set_cell(pkg, "sources", row, "url", "http://www.baobacninh.com.vn/en")
    return SOURCES, row, "url", "source-page"


def search_page_source(pkg):
    row = bp.find_row(pkg, "sources", lambda d: d["source_id"].startswith("src-"))
    bp.set_cell(pkg, "sources", row, "url", "https://example.vn/tim-kiem?q=grdp+bac+ninh")
    return SOURCES, row, "url", "source-page"


def machine_translated_source(pkg):
    row = bp.find_row(pkg, "sources", lambda d: d["source_id"].startswith("src-"))
    bp.set_cell(pkg, "sources", row, "url", "https://www.vietnam.vn/en/bac-ninh-tang-truong")
    bp.set_cell(pkg, "sources", row, "original_url", "https://www.vietnam.vn/bac-ninh-tang-truong")
    return SOURCES, row, "url", "machine-translation"


BREAKERS = [wrong_number, wrong_integer, wrong_boolean, impossible_date, missing_column, extra_column, swapped_columns,
            ragged_long, ragged_short, duplicate_key, duplicate_key_far, duplicate_unique, broken_fk_unit, broken_fk_source, broken_self_fk,
            bad_period, noncanonical_period, bad_enum, empty_required, nan_value, infinite_value, not_utf8, bom, crlf,
            nfd_text, unsorted_rows, blank_row, empty_file, nul_byte, unterminated_quote, invalid_json,
            unknown_field_type, unsafe_path, absolute_path, remote_path, symlink_escape, missing_file,
            hostile_url_scheme, hostile_url_text, negative_level, share_over_100, bad_rank, pre2025_after_reform,
            published_not_a_date, tile_taken, crosswalk_gap, crosswalk_to_old, control_chars_in_id, overlong_note,
            boolean_spelling, above_maximum, bad_pattern_slug, resource_missing_from_descriptor, descriptor_not_object,
            quote_in_wrong_place, bad_qualifier, bad_producer, note_vi_without_note, note_without_note_vi, tag_page_source,
            home_page_source, search_page_source, machine_translated_source]


def test_base_package_is_valid(tmp_path):
    pkg = bp.base_package(tmp_path)
    report = validate_package(pkg)
    assert report.errors == [], [str(p) for p in report.errors[:10]]


@pytest.mark.parametrize("breaker", BREAKERS, ids=[b.__name__ for b in BREAKERS])
def test_broken_package(tmp_path, breaker):
    pkg = bp.base_package(tmp_path)
    expected = breaker(pkg)
    report = validate_package(pkg)
    assert not report.ok
    found = {(p.file, p.row, p.field, p.type) for p in report.errors}
    assert expected in found, f"{expected} not in {sorted(found, key=str)[:15]}"
    problem = next(p for p in report.errors if (p.file, p.row, p.field, p.type) == expected)
    assert problem.message.strip() and "\n" not in problem.message
    assert not re.search(r"\{[a-z_]+\}", problem.message), "a placeholder was left unfilled"


@pytest.mark.parametrize("breaker", [wrong_number, missing_file, invalid_json, unsafe_path, not_utf8, ragged_long,
                                     bad_qualifier, bad_producer, note_vi_without_note, tag_page_source,
                                     machine_translated_source],
                         ids=lambda b: b.__name__)
def test_cli_exit_1_and_one_line_naming_the_place(tmp_path, breaker):
    pkg = bp.base_package(tmp_path)
    file, row, field, _ = breaker(pkg)
    result = subprocess.run([sys.executable, "-m", "build_scripts", "validate", "--package", str(pkg)],
                            capture_output=True, text=True, cwd=bp.ROOT)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    prefix = f"{pkg}/{file}:{'-' if row is None else row}:{field or '-'}: "
    assert any(line.startswith(prefix) for line in result.stdout.splitlines()), result.stdout[:2000]
    assert result.stdout.splitlines()[-1].startswith(f"{pkg}: ")


def test_json_output_lists_the_same_problems(tmp_path):
    pkg = bp.base_package(tmp_path)
    file, row, field, kind = bad_enum(pkg)
    result = subprocess.run([sys.executable, "-m", "build_scripts", "validate", "--package", str(pkg), "--json"],
                            capture_output=True, text=True, cwd=bp.ROOT)
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert {"file": file, "row": row, "field": field, "type": kind} in [
        {k: i[k] for k in ("file", "row", "field", "type")} for i in items]
    assert all(set(i) == {"file", "row", "field", "type", "message", "severity", "cell"} for i in items)


def test_disagreeing_sources_are_a_warning_not_an_error(tmp_path):
    pkg = bp.base_package(tmp_path)
    sources = [d["source_id"] for d in bp.dicts(pkg, "sources")]
    header, rows = bp.read(pkg, "observations")
    first = dict(zip(header, rows[0]))
    other = next(s for s in sorted(sources) if s > first["source_id"])
    copy = dict(first, source_id=other, value=str(float(first["value"]) * 1.5 + 10), note="", note_vi="")
    rows.append([copy[h] for h in header])
    rows.sort()
    bp.write(pkg, "observations", header, rows)
    report = validate_package(pkg)
    assert report.ok, [str(p) for p in report.errors]
    assert any(p.type == "sources-disagree" and p.severity == "warning" and p.field == "value" for p in report.warnings)


def test_usage_error_exits_2():
    result = subprocess.run([sys.executable, "-m", "build_scripts", "validate", "--bogus"], capture_output=True, text=True, cwd=bp.ROOT)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_not_a_folder_is_a_sentence(tmp_path):
    report = validate_package(tmp_path / "nowhere")
    assert not report.ok and report.errors[0].type == "descriptor-missing"


def test_a_package_that_is_not_a_folder_is_a_usage_error(tmp_path):
    for command in ("validate", "fmt"):
        result = subprocess.run([sys.executable, "-m", "build_scripts", command, "--package", str(tmp_path / "nowhere")],
                                capture_output=True, text=True, cwd=bp.ROOT)
        assert result.returncode == 2, command
        assert "is not a folder" in result.stderr and "Traceback" not in result.stderr


def test_an_unreadable_resource_is_reported_once_not_on_every_row_that_points_to_it(tmp_path):
    pkg = bp.base_package(tmp_path)
    unsafe_path(pkg)
    report = validate_package(pkg)
    assert [p.type for p in report.errors] == ["path-escapes"], [str(p) for p in report.errors[:5]]


def test_a_source_without_title_or_date_is_a_warning_naming_the_field(tmp_path):
    pkg = bp.base_package(tmp_path)
    row = bp.find_row(pkg, "sources", lambda d: d["title"] != "" and d["published"] != "")
    bp.set_cell(pkg, "sources", row, "published", "")
    report = validate_package(pkg)
    assert report.ok
    warned = {(p.file, p.row, p.field, p.type) for p in report.warnings}
    assert (SOURCES, row, "published", "source-untitled") in warned
