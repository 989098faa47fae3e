"""The one place the build calls validation (build_scripts/validate.py, owned by the validation module).

Returns the problems as ``file:row:field: message`` lines; an empty list means the package is valid.
"""

from __future__ import annotations

from pathlib import Path


class InvalidPackage(Exception):
    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def check(package_dir: Path) -> list[str]:
    if not (package_dir / "datapackage.json").is_file():
        return [f"{package_dir / 'datapackage.json'}: no data package here (datapackage.json is missing)"]
    try:
        from build_scripts.validate import validate_package
    except ImportError:
        return _frictionless_only(package_dir)
    report = validate_package(Path(package_dir))
    return [] if report.ok else [str(problem) for problem in report.errors]


def _frictionless_only(package_dir: Path) -> list[str]:
    """Until build_scripts/validate.py exists: frictionless's own checks, in the same line shape."""
    from frictionless import Package

    report = Package(str(package_dir / "datapackage.json")).validate()
    problems = []
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", "") or ""
            field = getattr(error, "field_name", "") or ""
            problems.append(f"{task.name}:{row}:{field}: {error.message}")
    for error in report.errors:
        problems.append(f"datapackage.json::: {error.message}")
    return problems
