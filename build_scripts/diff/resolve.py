"""Turn BASE (a package folder or a git revision) into a folder to read.

A revision is unpacked with ``git archive`` into a temporary folder that is removed afterwards. The package is
looked up at the same path inside the repository as --package; if it did not exist at that revision, the
base is an empty package (so a pull request that creates the package reports everything as added).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from build_scripts.diff.errors import DiffUsageError, PackageReadError
from build_scripts.diff.read import DESCRIPTOR


@dataclass(frozen=True)
class Side:
    folder: Path
    label: str  # how the report names it: the folder, or the revision and its short commit id


def head_side(package: Path) -> Side:
    if not (package / DESCRIPTOR).is_file():
        raise DiffUsageError("package-not-a-package", package=package)
    return Side(package, str(package))


@contextlib.contextmanager
def base_side(base: str, package: Path) -> Iterator[Side]:
    """A folder with the base package for the duration of the ``with`` block."""
    folder = Path(base)
    if folder.is_dir():
        if not (folder / DESCRIPTOR).is_file():
            raise DiffUsageError("base-not-a-package", base=base)
        yield Side(folder, str(folder))
        return
    root = _git(["rev-parse", "--show-toplevel"], package)
    commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}"], package) if root else None
    if not commit:
        raise DiffUsageError("base-unknown" if root else "base-unknown-no-repository", base=base, package=package)
    inside = package.resolve().relative_to(Path(root).resolve()).as_posix()
    with tempfile.TemporaryDirectory(prefix="diff-base-") as temporary:
        target = Path(temporary) / "package"
        target.mkdir()
        archive = subprocess.run(
            ["git", "archive", "--format=tar", commit, "--", inside if inside != "." else "."],
            cwd=root, capture_output=True,
        )
        if archive.returncode == 0:
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                try:
                    tar.extractall(temporary, filter="data")  # refuses absolute and escaping links
                except tarfile.FilterError as error:
                    member = getattr(getattr(error, "tarinfo", None), "name", "a member")
                    raise PackageReadError("base-unsafe-member", base=base, member=member) from None
            folder = Path(temporary) / inside
        else:  # the package folder did not exist at that revision
            folder = target
        yield Side(folder, f"{base} ({commit[:10]})")


def _git(arguments: list[str], folder: Path) -> str | None:
    cwd = folder if folder.is_dir() else Path.cwd()
    try:
        result = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None
