"""The validation warnings a change introduces: validate both packages with build_scripts.validate, compare.

A problem is matched by (file, field, type, message), not by row, so that rows moving when others are added
does not make an old warning look new.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ValidationChanges:
    available: bool
    introduced: list[str] = field(default_factory=list)  # warnings in the head that the base did not have
    resolved: int = 0  # warnings of the base that the head no longer has
    head_errors: list[str] = field(default_factory=list)  # errors of the head: it cannot be published
    base_errors: int = 0  # errors of the base (a base that was already invalid)
    failure: str | None = None  # why validation could not run, if it could not


def _signature(problem, folder: Path) -> tuple:
    file = str(getattr(problem, "file", "") or "")
    for prefix in (str(folder.resolve()), str(folder)):
        if prefix and file.startswith(prefix):
            file = file[len(prefix):].lstrip("/")
            break
    return (file, getattr(problem, "field", None), getattr(problem, "type", None), getattr(problem, "message", str(problem)))


def _shown(problem, folder: Path) -> str:
    """The problem as `make validate` prints it: a file inside the package is named from the package folder."""
    file = str(getattr(problem, "file", "") or "")
    if file and not Path(file).is_absolute():
        return f"{folder.as_posix().rstrip('/')}/{problem}"
    return str(problem)


def validation_changes(base_dir: Path, head_dir: Path, validate=None) -> ValidationChanges:
    """Compare the warnings of the two packages; ``validate`` defaults to build_scripts.validate.validate_package."""
    if validate is None:
        try:
            from build_scripts.validate import validate_package as validate
        except ModuleNotFoundError as error:
            if error.name not in ("build_scripts.validate",):
                raise
            return ValidationChanges(available=False, failure="build_scripts.validate is not available in this checkout.")
    try:
        base = validate(base_dir)
        head = validate(head_dir)
    except Exception as error:  # the diff still reports figures when the validator stumbles on a package
        return ValidationChanges(available=False, failure=f"{type(error).__name__}: {error}")

    remaining = Counter(_signature(p, base_dir) for p in base.warnings)
    introduced = []
    for problem in head.warnings:
        signature = _signature(problem, head_dir)
        if remaining[signature] > 0:
            remaining[signature] -= 1
        else:
            introduced.append(_shown(problem, head_dir))
    return ValidationChanges(
        available=True,
        introduced=sorted(introduced),
        resolved=sum(remaining.values()),
        head_errors=sorted(_shown(p, head_dir) for p in head.errors),
        base_errors=len(base.errors),
    )
