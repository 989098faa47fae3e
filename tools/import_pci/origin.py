"""ORIGIN.csv: every raw file, its page address and its SHA-256. Checked before anything is parsed."""
import csv
import hashlib
from pathlib import Path

from tools.import_seed.errors import ImportSeedError

COLUMNS = ["file", "url", "obtained", "copy_date", "sha256", "bytes", "query"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read(raw_dir: Path) -> list[dict]:
    """The rows of ORIGIN.csv, each file present with the listed hash and size, and no raw file unlisted."""
    raw_dir = Path(raw_dir)
    path = raw_dir / "ORIGIN.csv"
    if not path.is_file():
        raise ImportSeedError(path, message="file not found: the list of raw files and their SHA-256 is missing")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            raise ImportSeedError(path, 1, message=f"the columns should be {', '.join(COLUMNS)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            row["_line"] = line
            rows.append(row)
    listed = set()
    for row in rows:
        name = row["file"]
        if not name or "/" in name or not name.endswith(".txt"):
            raise ImportSeedError(path, row["_line"], "file", f"{name!r} is not a raw file name (<slug>.txt)")
        if name in listed:
            raise ImportSeedError(path, row["_line"], "file", f"{name} is listed twice")
        listed.add(name)
        target = raw_dir / name
        if not target.is_file():
            raise ImportSeedError(target, message=f"the raw file listed in ORIGIN.csv line {row['_line']} is missing")
        actual = sha256(target)
        if actual != row["sha256"] or str(target.stat().st_size) != row["bytes"]:
            raise ImportSeedError(target, message=f"the raw file has changed: its SHA-256 is {actual}, "
                                                  f"ORIGIN.csv line {row['_line']} says {row['sha256']}")
    for extra in sorted(p.name for p in raw_dir.glob("*.txt")):
        if extra not in listed:
            raise ImportSeedError(raw_dir / extra, message="this raw file is not listed in ORIGIN.csv")
    return rows
