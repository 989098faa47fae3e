"""The diff's "validation warnings the change introduces": matched by file, field, type and message, not by row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_scripts.diff.validation import validation_changes


@dataclass
class Problem:
    file: str
    row: int | None
    field: str | None
    type: str
    message: str
    severity: str = "warning"

    def __str__(self):
        return f"{self.file}:{self.row}:{self.field}: {self.message}"


@dataclass
class Report:
    errors: list
    warnings: list

    @property
    def ok(self):
        return not self.errors


CONFLICT = "sources differ by more than 1 %"


def fake_validator(reports: dict[str, Report]):
    return lambda folder: reports[Path(folder).name]


def test_a_warning_that_only_moved_rows_is_not_new():
    base = Report([], [Problem("data/observations.csv", 10, "value", "conflict", CONFLICT)])
    head = Report([], [Problem("data/observations.csv", 12, "value", "conflict", CONFLICT)])
    changes = validation_changes(Path("base"), Path("head"), validate=fake_validator({"base": base, "head": head}))
    assert (changes.available, changes.introduced, changes.resolved, changes.head_errors) == (True, [], 0, [])


def test_new_warnings_and_errors_are_reported_and_gone_ones_counted():
    base = Report([], [Problem("data/observations.csv", 10, "value", "conflict", CONFLICT), Problem("data/sources.csv", 3, "published", "date", "no publication date")])
    head = Report(
        [Problem("data/observations.csv", 4, "period", "period", "2025-13 is not a period")],
        [Problem("data/observations.csv", 10, "value", "conflict", CONFLICT), Problem("data/observations.csv", 11, "value", "conflict", CONFLICT)],
    )
    changes = validation_changes(Path("base"), Path("head"), validate=fake_validator({"base": base, "head": head}))
    assert changes.introduced == [f"head/data/observations.csv:11:value: {CONFLICT}"]
    assert changes.resolved == 1
    assert changes.head_errors == ["head/data/observations.csv:4:period: 2025-13 is not a period"]


def test_absolute_paths_of_the_two_folders_are_compared_as_relative(tmp_path):
    base_dir, head_dir = tmp_path / "base", tmp_path / "head"
    base = Report([], [Problem(str(base_dir / "data/observations.csv"), 10, "value", "conflict", CONFLICT)])
    head = Report([], [Problem(str(head_dir / "data/observations.csv"), 10, "value", "conflict", CONFLICT)])
    changes = validation_changes(base_dir, head_dir, validate=fake_validator({"base": base, "head": head}))
    assert changes.introduced == []


def test_a_validator_that_fails_is_reported_not_raised():
    def broken(folder):
        raise ValueError("cannot read")

    changes = validation_changes(Path("base"), Path("head"), validate=broken)
    assert (changes.available, changes.failure) == (False, "ValueError: cannot read")


def test_the_report_shows_new_warnings_and_head_errors(tmp_path, monkeypatch):
    import build_scripts.diff as diff
    from tests.test_diff import make_package

    base = make_package(tmp_path / "base")
    head = make_package(tmp_path / "head")
    reports = {
        "base": Report([], []),
        "head": Report([Problem("data/observations.csv", 4, "period", "period", "2025-13 is not a period")], [Problem("data/observations.csv", 11, "value", "conflict", CONFLICT)]),
    }
    monkeypatch.setattr(diff, "validation_changes", lambda b, h: validation_changes(b, h, validate=fake_validator(reports)))
    report = diff.diff_report(str(base), head)
    assert "- **Validation:** **the changed package is invalid (1 error)**." in report.splitlines()
    assert (
        "The changed package is **invalid**: it cannot be built or published until these are fixed.\n\n"
        f"```text\n{head}/data/observations.csv:4:period: 2025-13 is not a period\n```\n\n"
        "Warnings the change introduces (they do not stop the build, but a reviewer should look):\n\n"
        f"```text\n{head}/data/observations.csv:11:value: {CONFLICT}\n```\n"
    ) in report
