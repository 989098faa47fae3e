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
    return checked(package_dir)[0]


def checked(package_dir: Path) -> tuple[list[str], dict[str, str]]:
    """The problems, and the SHA-256 of each resource's bytes as validation read them (the build loads only
    those bytes: build_scripts/validation/reader.py)."""
    if not (package_dir / "datapackage.json").is_file():
        return [f"{package_dir / 'datapackage.json'}: no data package here (datapackage.json is missing)"], {}
    from build_scripts.validate import validate_package

    report = validate_package(Path(package_dir))
    return ([] if report.ok else [str(problem) for problem in report.errors]), report.digests
