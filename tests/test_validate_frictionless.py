"""The DuckDB validator and frictionless agree: the stock `frictionless validate` passes on the real package, and on a
set of broken packages both report the same errors at the same rows (where frictionless looks)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from build_scripts.validate import validate_package
from tests import bad_packages as bp
from tests import test_validate_bad as cases

FRICTIONLESS = bp.ROOT / ".venv" / "bin" / "frictionless"
# frictionless error types and whether they name a field (cell errors) or only a row (row errors)
CELL_TYPES = {"type-error", "constraint-error", "unique-error", "missing-cell"}
ROW_TYPES = {"primary-key", "foreign-key", "blank-row", "extra-cell"}


def frictionless_problems(pkg: Path) -> set[tuple]:
    from frictionless import Package

    report = Package(str(pkg / "datapackage.json")).validate()
    found = set()
    for task in report.tasks:
        for error in task.errors:
            if error.type in CELL_TYPES:
                found.add((task.place, error.row_number, error.field_name, error.type))
            elif error.type in ROW_TYPES:
                found.add((task.place, error.row_number, None, error.type))
    return found


def our_problems(pkg: Path) -> set[tuple]:
    found = set()
    for p in validate_package(pkg).errors:
        if p.type in CELL_TYPES:
            found.add((p.file, p.row, p.field, p.type))
        elif p.type in ROW_TYPES:
            found.add((p.file, p.row, None, p.type))
    return found


AGREEMENT = [cases.wrong_number, cases.wrong_integer, cases.wrong_boolean, cases.impossible_date, cases.ragged_long,
             cases.ragged_short, cases.duplicate_key, cases.duplicate_key_far, cases.duplicate_unique, cases.broken_fk_unit, cases.broken_fk_source,
             cases.broken_self_fk, cases.bad_period, cases.bad_enum, cases.empty_required, cases.blank_row,
             cases.control_chars_in_id, cases.overlong_note, cases.above_maximum, cases.bad_pattern_slug]


def test_stock_frictionless_validate_passes_on_the_real_package():
    assert bp.real_package_present(), "datapackage/data/*.csv are missing"
    result = subprocess.run([str(FRICTIONLESS), "validate", "datapackage/datapackage.json"], capture_output=True, text=True,
                            cwd=bp.ROOT, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("breaker", AGREEMENT, ids=lambda b: b.__name__)
def test_same_errors_at_the_same_rows_as_frictionless(tmp_path, breaker):
    pkg = bp.base_package(tmp_path)
    breaker(pkg)
    ours, theirs = our_problems(pkg), frictionless_problems(pkg)
    assert theirs, "the broken package should be invalid for frictionless too"
    assert ours == theirs, f"only ours: {sorted(ours - theirs, key=str)}; only frictionless: {sorted(theirs - ours, key=str)}"
