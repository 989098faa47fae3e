"""What a change does to the published figures: ``diff_report(base, package) -> Markdown``.

resolve.py turns BASE into a folder, read.py reads a folder into long-form rows, compare.py runs the SQL
files of this folder in DuckDB, validation.py compares the warnings of the two packages, derived.py the sums
of pre-2025 provinces the site derives (for two valid packages), render.py and
templates/diff.md.j2 write the Markdown.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts.diff.compare import Comparison, compare
from build_scripts.diff.derived import derived_changes
from build_scripts.diff.errors import DiffUsageError, PackageReadError
from build_scripts.diff.render import MAX_ROWS, render
from build_scripts.diff.resolve import base_side, head_side
from build_scripts.diff.validation import ValidationChanges, validation_changes

__all__ = ["Comparison", "DiffUsageError", "PackageReadError", "ValidationChanges", "compare_packages", "diff_report"]


def compare_packages(base: str, package: Path, validate: bool = True) -> Comparison:
    """Compare the package at BASE (a folder or a git revision) with the package folder ``package``."""
    head = head_side(package)
    with base_side(base, package) as side:
        comparison = compare(side.folder, head.folder, side.label, head.label)
        if validate:
            validation = comparison.validation = validation_changes(side.folder, head.folder)
            if validation.available and not validation.head_errors and not validation.base_errors:
                try:
                    comparison.derived = derived_changes(side.folder, head.folder)
                except Exception as error:  # the report on the figures still stands without the sums
                    comparison.derived_failure = f"{type(error).__name__}: {error}"
    return comparison


def diff_report(base: str, package: Path, max_rows: int = MAX_ROWS, validate: bool = True) -> str:
    """The Markdown report of what the change from BASE to ``package`` does."""
    return render(compare_packages(base, package, validate=validate), max_rows=max_rows)
