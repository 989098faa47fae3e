"""Hostile descriptors and files that are not in the bad-input list: validation must answer with sentences, never
with an internal error, and name a file for every problem."""

from __future__ import annotations

import random

import pytest

from build_scripts.validate import validate_package
from tests import bad_packages as bp

DESCRIPTOR_EDITS = {
    "resources-not-a-list": lambda d: d.update(resources={"a": 1}),
    "resource-is-a-string": lambda d: d["resources"].__setitem__(0, "units"),
    "path-is-a-list": lambda d: bp.resource_of(d, "units").update(path=["data/units.csv", "data/units.csv"]),
    "path-is-a-number": lambda d: bp.resource_of(d, "units").update(path=7),
    "path-with-glob": lambda d: bp.resource_of(d, "units").update(path="data/*.csv"),
    "path-is-a-folder": lambda d: bp.resource_of(d, "units").update(path="data"),
    "path-file-scheme": lambda d: bp.resource_of(d, "units").update(path="file:///etc/passwd"),
    "path-windows-drive": lambda d: bp.resource_of(d, "units").update(path="C:\\data\\units.csv"),
    "path-backslash-up": lambda d: bp.resource_of(d, "units").update(path="data\\..\\..\\units.csv"),
    "path-nul": lambda d: bp.resource_of(d, "units").update(path="data/units.csv\x00.txt"),
    "schema-is-a-url": lambda d: bp.resource_of(d, "units").update(schema="https://example.org/schema.json"),
    "fields-empty": lambda d: bp.resource_of(d, "units")["schema"].update(fields=[]),
    "field-without-name": lambda d: bp.resource_of(d, "units")["schema"]["fields"][0].pop("name"),
    "duplicate-field": lambda d: bp.resource_of(d, "units")["schema"]["fields"].append({"name": "unit_id", "type": "string"}),
    "bad-pattern": lambda d: bp.resource_of(d, "units")["schema"]["fields"][0]["constraints"].update(pattern="[a-"),
    "enum-not-a-list": lambda d: bp.resource_of(d, "units")["schema"]["fields"][3]["constraints"].update(enum="country"),
    "maximum-a-string": lambda d: bp.resource_of(d, "units")["schema"]["fields"][10]["constraints"].update(maximum="40"),
    "primary-key-unknown": lambda d: bp.resource_of(d, "units")["schema"].update(primaryKey=["nope"]),
    "foreign-key-unknown-resource": lambda d: bp.resource_of(d, "observations")["schema"]["foreignKeys"][0]["reference"].update(resource="nowhere"),
    "foreign-key-unknown-field": lambda d: bp.resource_of(d, "observations")["schema"]["foreignKeys"][0]["reference"].update(fields=["nope"]),
    "foreign-key-garbage": lambda d: bp.resource_of(d, "observations")["schema"].update(foreignKeys=[1, "x"]),
    "duplicate-resource": lambda d: d["resources"].append(dict(bp.resource_of(d, "units"))),
    "inline-data": lambda d: bp.resource_of(d, "units").pop("path") and bp.resource_of(d, "units").update(data=[[1]]),
    "hostile-name": lambda d: bp.resource_of(d, "units").update(name="units\u202e<script>"),
    "missing-values-garbage": lambda d: bp.resource_of(d, "units")["schema"].update(missingValues=[None]),
    "license-garbage": lambda d: d.update(licenses="MIT"),
}


@pytest.mark.parametrize("name", sorted(DESCRIPTOR_EDITS))
def test_hostile_descriptor_gives_sentences(tmp_path, name):
    pkg = bp.base_package(tmp_path)
    bp.edit_descriptor(pkg, DESCRIPTOR_EDITS[name])
    report = validate_package(pkg)
    assert not report.ok
    assert not [p for p in report.problems if p.type == "internal-error"], [str(p) for p in report.problems]
    assert all(p.file for p in report.problems)


def test_deeply_nested_descriptor(tmp_path):
    pkg = bp.base_package(tmp_path)
    (pkg / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    report = validate_package(pkg)
    assert not report.ok and report.errors[0].file == "datapackage.json"
    assert report.errors[0].type != "internal-error"


@pytest.mark.parametrize("seed", range(6))
def test_random_bytes_in_a_csv_file(tmp_path, seed):
    pkg = bp.base_package(tmp_path)
    rng = random.Random(seed)
    path = bp.csv_path(pkg, ["units", "sources", "observations", "indicators", "unit_crosswalk", "observations"][seed])
    data = bytearray(path.read_bytes())
    for _ in range(20):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path.write_bytes(bytes(data))
    report = validate_package(pkg)
    assert not [p for p in report.problems if p.type == "internal-error"], [str(p) for p in report.problems[:5]]
    assert not report.ok


def test_a_very_long_line_is_reported_not_fatal(tmp_path):
    pkg = bp.base_package(tmp_path)
    row = bp.find_row(pkg, "observations", lambda d: True)
    bp.set_cell(pkg, "observations", row, "note", "x" * 3_000_000)
    report = validate_package(pkg)
    assert ("data/observations.csv", row, "note", "constraint-error") in {(p.file, p.row, p.field, p.type) for p in report.errors}


def test_quoted_newline_in_a_note_keeps_row_numbers(tmp_path):
    pkg = bp.base_package(tmp_path)
    header, rows = bp.read(pkg, "observations")
    rows[0][header.index("note")] = "first line\nsecond line, with a comma"
    bp.write(pkg, "observations", header, rows)
    bp.set_cell(pkg, "observations", 3, "status", "final")
    report = validate_package(pkg)
    assert ("data/observations.csv", 3, "status", "constraint-error") in {(p.file, p.row, p.field, p.type) for p in report.errors}


def test_a_hostile_file_name_is_escaped_in_every_line(tmp_path):
    pkg = bp.base_package(tmp_path)
    bp.edit_descriptor(pkg, lambda d: bp.resource_of(d, "sources").update(path="data/\x1b[2J\u202esources.csv"))
    report = validate_package(pkg)
    assert not report.ok
    assert all("\x1b" not in str(p) and "\u202e" not in str(p) for p in report.problems)
