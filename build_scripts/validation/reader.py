"""The one way a package's files reach DuckDB, for validation and for the build alike.

DuckDB's ``read_csv`` treats its path as a pattern: ``*``, ``?``, ``[...]`` and ``{...}`` glob, a folder
named ``key=value`` anywhere in the path becomes a hive-partition column, and ``~`` is the home folder. So a
path is handed to DuckDB only when it is *plain* (letters, digits, ``/``, ``.``, ``_``, ``-``); any other file
is first copied, byte for byte, into a private folder with a plain name and read from there. The SQL that
reads files also turns hive partitioning off. What DuckDB reads is therefore always the one literal file
inside the package that validation checked, and the build checks its SHA-256 against validation's.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

PLAIN = re.compile(r"/?[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")


class ReadFailed(Exception):
    """A package file cannot be read as validation read it; the message is a sentence."""


def plain(path: Path | str) -> bool:
    """Whether DuckDB reads this path as exactly this one file (no glob, hive or home-folder meaning)."""
    return bool(PLAIN.fullmatch(str(path)))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def temp_root() -> Path:
    """A folder for private copies whose own path is plain: $TMPDIR when it is, else /tmp, /var/tmp, /dev/shm."""
    for base in (tempfile.gettempdir(), "/tmp", "/var/tmp", "/dev/shm"):
        if plain(base) and os.path.isdir(base) and os.access(base, os.W_OK):
            return Path(base)
    raise ReadFailed("no temporary folder has a plain name (letters, digits, '/', '.', '_', '-'): "
                     "set TMPDIR to one such folder")


@contextlib.contextmanager
def private_folder(prefix: str):
    """A fresh plain-named folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=temp_root()))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def duckdb_path(path: Path, data: bytes, folder: Path, name: str) -> str:
    """The path to give DuckDB for a file whose bytes are data: the file itself when its path is plain,
    else a copy of data in folder (named name.csv: resource names are slugs)."""
    if plain(path):
        return str(path)
    copy = folder / f"{name}.csv"
    copy.write_bytes(data)
    return str(copy)


def resolve(package_dir: Path) -> dict[str, Path]:
    """Resource name -> the literal file inside the package, by validation's own rules (descriptor.safe_path).
    Raises ReadFailed with a sentence on a descriptor validation would refuse."""
    from build_scripts.validation import descriptor

    desc, problems = descriptor.load(package_dir)
    if desc is None or not isinstance(desc.get("resources"), list):
        raise ReadFailed(str(problems[0]) if problems else "datapackage.json: no resources")
    out: dict[str, Path] = {}
    for res in desc["resources"]:
        name = res.get("name") if isinstance(res, dict) else None
        if not isinstance(name, str) or not descriptor.SLUG.fullmatch(name):
            raise ReadFailed(f"datapackage.json: a resource name {name!r} is not a slug")
        file, problems = descriptor.safe_path(package_dir, name, res.get("path"))
        if file is None:
            raise ReadFailed(str(problems[0]))
        out[name] = file
    return out


def read_checked(file: Path, expected: str | None, shown_as: str) -> bytes:
    """The bytes of file; when expected (validation's SHA-256) is given they must match it."""
    try:
        data = file.read_bytes()
    except OSError as error:
        raise ReadFailed(f"{shown_as}: cannot be read ({error.strerror or error})") from None
    if expected is not None and digest(data) != expected:
        raise ReadFailed(f"{shown_as}: changed after validation read it; build again")
    return data
