"""Inputs frictionless accepts but the build could not publish: validation refuses each one first, with the file
and, for a cell, its row and field; never an internal error. Fixtures are copies of tests/fixtures/mini."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from build_scripts.validate import validate_package

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def package(tmp_path) -> Path:
    out = tmp_path / "package"
    shutil.copytree(MINI, out)
    return out


def edit_descriptor(package: Path, edit) -> None:
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    edit(descriptor)
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def set_cell(package: Path, name: str, field: str, value: str, row: int = 2) -> None:
    path = package / "data" / f"{name}.csv"
    records = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    records[row - 1][records[0].index(field)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def refused(package: Path) -> list:
    report = validate_package(package)
    assert not report.ok
    assert not [p for p in report.problems if p.type == "internal-error"], [str(p) for p in report.problems]
    return report.errors


CELLS = {  # resource, field, value, the sentence kind
    "full-width-digits": ("observations", "value", "１２３", "number-form"),
    "arabic-indic-digits": ("observations", "value", "٣٤", "number-form"),
    "underscore-number": ("observations", "value", "1_000", "number-form"),
    "very-long-number": ("observations", "value", "1" + "0" * 60, "number-form"),
    "very-long-decimal": ("observations", "value", "0." + "0" * 60 + "1", "number-form"),
    "integer-beyond-32-bits": ("indicators", "display_order", "99999999999", "integer-form"),
    "full-width-integer": ("indicators", "decimals", "２", "integer-form"),
    "full-width-date": ("units", "valid_from", "２０２５-07-01", "date-form"),
    "control-character-in-a-name": ("units", "name_en", "Bac\x1b[31m Ninh", "cell-control"),
    "bidi-override-in-a-name": ("units", "name_vi", "Bắc \u202eNinh", "name-invisible"),
    "zero-width-in-a-title": ("sources", "title", "Report\u200b A", "name-invisible"),
}


WORDS = {"number-form": "not a number the portal reads", "integer-form": "not a whole number the portal reads",
         "date-form": "ASCII digits", "cell-control": "control character", "name-invisible": "bidirectional or zero-width"}


@pytest.mark.parametrize("case", sorted(CELLS))
def test_a_cell_the_build_could_not_read_is_refused_at_its_row_and_field(package, case):
    name, field, value, kind = CELLS[case]
    set_cell(package, name, field, value)
    errors = refused(package)
    here = [p for p in errors if p.file == f"data/{name}.csv" and p.row == 2 and p.field == field]
    assert here, [str(p) for p in errors]
    assert WORDS[kind] in here[0].message, here[0].message
    assert "\x1b" not in str(here[0]) and "\u202e" not in str(here[0])


def test_plain_numbers_stay_valid(package):
    set_cell(package, "observations", "value", "1.5e3")
    assert validate_package(package).ok


DESCRIPTORS = {  # the edit, the problem type
    "version-not-semver": (lambda d: d.update(version="1.0"), "package-version"),
    "version-with-markup": (lambda d: d.update(version="1.0.0<img src=x>"), "package-version"),
    "created-before-1970": (lambda d: d.update(created="1900-01-01T00:00:00Z"), "package-created"),
    "created-after-2106": (lambda d: d.update(created="2200-01-01T00:00:00Z"), "package-created"),
    "created-not-a-date": (lambda d: d.update(created="yesterday"), "package-created"),
    "extra-resource": (lambda d: d["resources"].append({**resource(d, "sources"), "name": "extra"}), "resource-unknown"),
    "missing-values": (lambda d: resource(d, "observations")["schema"].update(missingValues=["", "NA"]), "missing-values"),
    "dialect": (lambda d: resource(d, "units").update(dialect={"delimiter": ";"}), "resource-setting"),
    "encoding": (lambda d: resource(d, "units").update(encoding="latin-1"), "resource-setting"),
    "compression": (lambda d: resource(d, "units").update(compression="gz"), "resource-setting"),
    "deep-nesting": (lambda d: d.update(keywords=json.loads("[" * 200 + "]" * 200)), "descriptor-deep"),
    "control-character-in-a-title": (lambda d: d.update(title="Bắc Ninh\x1b]0;owned\x07"), "descriptor-control"),
    "bidi-override-in-a-field-title": (lambda d: resource(d, "units")["schema"]["fields"][1].update(title="\u202eeman"), "descriptor-control"),
    "resource-name-not-a-slug": (lambda d: resource(d, "units").update(name="../units"), "resource-invalid"),
}


@pytest.mark.parametrize("case", sorted(DESCRIPTORS))
def test_a_descriptor_the_build_could_not_publish_is_refused(package, case):
    edit, kind = DESCRIPTORS[case]
    edit_descriptor(package, edit)
    errors = refused(package)
    assert kind in [p.type for p in errors], [str(p) for p in errors]
    assert all(p.file for p in errors)


def test_the_default_dialect_and_utf8_stay_valid(package):
    edit_descriptor(package, lambda d: resource(d, "units").update(dialect={"delimiter": ",", "header": True}, encoding="UTF-8"))
    assert validate_package(package).ok


def test_a_duplicate_json_key_is_refused(package):
    path = package / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"version": "0.1.0",', '"version": "0.1.0",\n  "version": "9.9.9",', 1), encoding="utf-8")
    errors = refused(package)
    assert [p.type for p in errors] == ["descriptor-duplicate-key"]
    assert '"version"' in errors[0].message


def test_a_deeply_nested_descriptor_is_refused_by_validate_and_by_diff(package):
    import subprocess
    import sys

    (package / "datapackage.json").write_text("{\"a\":" * 50_000 + "1" + "}" * 50_000, encoding="utf-8")
    assert refused(package)[0].file == "datapackage.json"
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-m", "build_scripts", "diff", str(MINI), "--package", str(package)],
                            capture_output=True, text=True, cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "datapackage.json" in result.stderr and "nested too deeply" in result.stderr
