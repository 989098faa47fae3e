"""What a build may touch, and one build at a time.

The build replaces its site folder and empties its build folder's ``docs/``, so both are refused when they
are, contain or lie inside something a build must never remove: the package, the hand-written ``docs/``, the
repository (the checkout of the code, or the one holding the package), the home folder or ``/``. The site
and build folders may not be each other either. A lock file beside the site (``<site>.lock``) and one in the
build folder make a second build on the same folders stop at once, touching nothing.
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

from build_scripts import settings


class Refused(Exception):
    """A folder given to the build is not one it may use; the message is a sentence."""


def _repository(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def protected(package_dir: Path) -> list[tuple[Path, str, bool]]:
    """(folder, what it is, whether a build folder may lie inside it) for every folder a build must keep."""
    out = [(package_dir, "the data package", False), (settings.DOCS_DIR.resolve(), "the hand-written docs/", False),
           (settings.REPO.resolve(), "the repository", True), (Path(os.path.expanduser("~")).resolve(), "the home folder", True),
           (Path("/"), "the root folder", True)]
    repo = _repository(package_dir)
    if repo is not None:
        out.append((repo, "the repository holding the package", True))
    return out


def check_folders(package_dir: Path, site_dir: Path, build_dir: Path) -> None:
    """Raise Refused unless site_dir and build_dir (resolved) are safe to replace and to fill."""
    for folder, role in ((site_dir, "site folder"), (build_dir, "build folder")):
        for keep, what, inside_ok in protected(package_dir):
            if folder == keep:
                raise Refused(f"the {role} {folder} is {what}; choose a folder of its own (default: site/ and build/)")
            if folder in keep.parents:
                raise Refused(f"the {role} {folder} holds {what} ({keep}); choose a folder of its own")
            if not inside_ok and keep in folder.parents:
                raise Refused(f"the {role} {folder} lies inside {what} ({keep}); choose a folder outside it")
    if site_dir == build_dir or site_dir in build_dir.parents or build_dir in site_dir.parents:
        raise Refused(f"the site folder {site_dir} and the build folder {build_dir} must be apart (neither inside the other)")


def check_given(value: str, option: str) -> None:
    """An empty or blank folder option is refused (Path("") would be the working folder)."""
    if not value or not value.strip():
        raise Refused(f"{option} is empty; give a folder (default: {option.removeprefix('--').split('-')[0]}/)")


class Lock:
    """An exclusive, non-blocking lock on a file; released when the process ends, however it ends."""

    def __init__(self, path: Path, folder: Path):
        self.path, self.folder, self.handle = path, folder, None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            handle.close()
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise Refused(f"another build is running in {self.folder} (it holds {self.path}); "
                              "wait for it to finish") from None
            raise
        self.handle = handle

    def release(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def locks(site_dir: Path, build_dir: Path) -> list[Lock]:
    return [Lock(site_dir.with_name(f"{site_dir.name}.lock"), site_dir), Lock(build_dir / ".lock", build_dir)]
