"""Write an importer's rows into the package's CSV files beside the rows of the other importers.

The package is assembled by the importers in a fixed order (``tools/README.md``): the seed importer writes
every file whole; each later importer owns some rows (its sources, its figures, the indicators it adds)
and replaces only those. ``merge`` reads each file, drops the rows the importer owns, adds its new rows,
refuses two rows with one primary key (naming both), and writes every file in canonical form. Nothing is
written until every file is ready, and each file is replaced by a rename, so a failure leaves the package
as it was.
"""
import csv
import json
import os
from pathlib import Path

from tools.import_seed import csvout
from tools.import_seed.errors import ImportSeedError


def descriptor_schemas(package_dir: Path) -> dict:
    path = Path(package_dir) / "datapackage.json"
    if not path.is_file():
        raise ImportSeedError(path, message="file not found")
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ImportSeedError(path, exc.lineno, message=f"not valid JSON ({exc.msg})") from None
    return {r["name"]: r for r in descriptor["resources"]}


def read_rows(package_dir: Path, resource: dict) -> list[dict]:
    path = Path(package_dir) / resource["path"]
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def merge(package_dir: Path, changes: dict) -> dict:
    """changes: resource name -> (owns, rows), where owns(row) says whether a row already in the file is
    this importer's (it is dropped) and rows are the importer's rows now. Returns name -> rows written."""
    package_dir = Path(package_dir)
    resources = descriptor_schemas(package_dir)
    staged, counts = [], {}
    try:
        _stage(package_dir, resources, changes, staged, counts)
    except BaseException:
        for temporary, _target in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)
    return counts


# The Vietnamese of the notes the importers after the seed write in English (the seed keeps its own list).
NOTE_TRANSLATIONS = Path(__file__).resolve().parent / "note_translations.csv"


def note_translations() -> dict[str, str]:
    with NOTE_TRANSLATIONS.open(encoding="utf-8", newline="") as fh:
        return {r["note"]: r["note_vi"] for r in csv.DictReader(fh)}


def with_vietnamese_notes(rows: list[dict]) -> list[dict]:
    """Observation rows whose English note has no Vietnamese get it from note_translations.csv; a note
    missing there stops the import (a Vietnamese page never shows an English note)."""
    translations = None
    out = []
    for row in rows:
        if row.get("note") and not row.get("note_vi"):
            translations = translations if translations is not None else note_translations()
            if row["note"] not in translations:
                raise ImportSeedError(NOTE_TRANSLATIONS, field="note_vi",
                                      message=f"no Vietnamese for the note {row['note']!r}: add a line for it")
            row = {**row, "note_vi": translations[row["note"]]}
        out.append(row)
    return out


def _stage(package_dir, resources, changes, staged, counts):
    for name, (owns, rows) in changes.items():
        if name == "observations":
            rows = with_vietnamese_notes(list(rows))
        if name not in resources:
            raise ImportSeedError(package_dir / "datapackage.json", field="resources",
                                  message=f"no resource named {name!r}")
        resource = resources[name]
        fields = [f["name"] for f in resource["schema"]["fields"]]
        key = resource["schema"]["primaryKey"]
        kept = [r for r in read_rows(package_dir, resource) if not owns(r)]
        seen = {tuple(r.get(k, "") for k in key): "the package" for r in kept}
        for row in rows:
            k = tuple(csvout.cell(row.get(f)) for f in key)
            if k in seen:
                raise ImportSeedError(resource["path"], field=",".join(key),
                                      message=f"the key {'/'.join(k)} is given twice ({seen[k]} and the import)")
            seen[k] = "the import"
        text = csvout.render(kept + list(rows), fields, key)
        target = package_dir / resource["path"]
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(text.encode("utf-8"))
        staged.append((temporary, target))
        counts[name] = len(kept) + len(rows)


def splice_report(readme_text: str, block: str, begin: str, end: str) -> str:
    """readme_text with the importer's report block (from its begin marker to its end marker) replaced by
    block, or block appended when the markers are not there yet: each importer owns only its own block."""
    if begin in readme_text and end in readme_text:
        head = readme_text.split(begin)[0]
        tail = readme_text.split(end, 1)[1]
        return head + block.rstrip("\n") + tail
    return readme_text.rstrip("\n") + "\n\n" + block


def run_importer(name: str, parse_args, run, argv=None) -> int:
    """An importer's command line: its arguments parsed, run, and bad input as one sentence on stderr with
    exit 1 (never a traceback)."""
    import sys

    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except ImportSeedError as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 1
