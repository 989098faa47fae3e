"""raw/ORIGIN.csv: every seed file the importer reads, where it came from, its SHA-256 and size. Checked before
anything is read, so a changed or missing file stops the import and nothing is written."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from .errors import ImportSeedError

RAW = Path(__file__).resolve().parent / "raw"
COLUMNS = ["file", "origin", "sha256", "bytes"]


def check(raw_dir: Path) -> None:
    """Every file listed is present with its SHA-256 and size, and every file of the folder is listed."""
    raw_dir = Path(raw_dir)
    path = raw_dir / "ORIGIN.csv"
    if not path.is_file():
        raise ImportSeedError(path, message="file not found: the list of seed files and their SHA-256 is missing")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            raise ImportSeedError(path, 1, message=f"the columns should be {', '.join(COLUMNS)}")
        rows = list(enumerate(reader, start=2))
    listed = set()
    for line, row in rows:
        target = raw_dir / row["file"]
        listed.add(row["file"])
        if not target.is_file():
            raise ImportSeedError(target, message=f"the seed file listed in ORIGIN.csv line {line} is missing")
        data = target.read_bytes()
        actual = hashlib.sha256(data).hexdigest()
        if actual != row["sha256"] or str(len(data)) != row["bytes"]:
            raise ImportSeedError(target, message=f"the seed file has changed: its SHA-256 is {actual}, "
                                                  f"ORIGIN.csv line {line} says {row['sha256']}")
    for extra in sorted(p.name for p in raw_dir.iterdir() if p.name != "ORIGIN.csv"):
        if extra not in listed:
            raise ImportSeedError(raw_dir / extra, message="this file is not listed in ORIGIN.csv")
