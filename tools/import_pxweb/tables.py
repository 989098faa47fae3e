"""The raw PX-Web exports: checked against raw/ORIGIN.csv, then read into tables.

An export (semicolon-separated, UTF-8 with BOM, '..' = no figure) has the table title on its first line, one
or two header rows, one row a place, and after a blank line the table's footnotes. With two header rows the
first row's cells run on to the right until the next non-blank cell; one of the two rows holds the years
("2017", "Sơ bộ 2019" = preliminary, "2019 (*)" = with a footnote), the other the item."""
import csv
import hashlib
import io
import re
from pathlib import Path

from tools.import_seed.errors import ImportSeedError

ORIGIN_COLUMNS = ["file", "repository", "commit", "path", "sha256", "bytes", "committed"]
YEAR = re.compile(r"^(?P<prel>Sơ bộ\s+)?(?P<year>(19|20)\d\d)(\s*\(\*\))?$")
SUFFIX = re.compile(r"\s+(chia theo|by)\s+.*$")


def read_origin(raw_dir: Path) -> list[dict]:
    """The rows of ORIGIN.csv, each file present with the listed SHA-256 and size, and no raw file unlisted."""
    raw_dir = Path(raw_dir)
    path = raw_dir / "ORIGIN.csv"
    if not path.is_file():
        raise ImportSeedError(path, message="file not found: the list of raw files and their SHA-256 is missing")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ORIGIN_COLUMNS:
            raise ImportSeedError(path, 1, message=f"the columns should be {', '.join(ORIGIN_COLUMNS)}")
        rows = [dict(r, _line=line) for line, r in enumerate(reader, start=2)]
    listed = set()
    for row in rows:
        name = row["file"]
        if not name or "/" in name or not name.endswith(".csv") or name == "ORIGIN.csv":
            raise ImportSeedError(path, row["_line"], "file", f"{name!r} is not a raw file name (<name>.csv)")
        if name in listed:
            raise ImportSeedError(path, row["_line"], "file", f"{name} is listed twice")
        listed.add(name)
        target = raw_dir / name
        if not target.is_file():
            raise ImportSeedError(target, message=f"the raw file listed in ORIGIN.csv line {row['_line']} is missing")
        data = target.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != row["sha256"] or str(len(data)) != row["bytes"]:
            raise ImportSeedError(target, message=f"the raw file has changed: its SHA-256 is {digest}, "
                                                  f"ORIGIN.csv line {row['_line']} says {row['sha256']}")
    for extra in sorted(p.name for p in raw_dir.glob("*.csv")):
        if extra != "ORIGIN.csv" and extra not in listed:
            raise ImportSeedError(raw_dir / extra, message="this raw file is not listed in ORIGIN.csv")
    return rows


def parse_year(label):
    """'2017' -> (2017, False); 'Sơ bộ 2019' -> (2019, True); '2019 (*)' -> (2019, False); else None."""
    m = YEAR.match(" ".join(label.split()))
    return (int(m.group("year")), bool(m.group("prel"))) if m else None


def clean_title(title):
    """The title as published, without PX-Web's ' chia theo …' / ' by …' suffix and the '(*)' marks."""
    title = SUFFIX.sub("", " ".join(title.split()))
    return re.sub(r"\s*\(\*\)", "", title).strip()


def read_table(path: Path) -> dict:
    """{'title', 'columns': [(index, label, year, preliminary, item)], 'rows': [(line, name, cells)],
    'footnotes': [text]}."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportSeedError(path, message=f"not UTF-8 (byte {exc.start})") from None
    lines = list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=";"), start=1))
    blank = [n for n, cells in lines if not any(c.strip() for c in cells)]
    if not lines or len(lines[0][1]) != 1 or not blank or blank[0] != 2:
        raise ImportSeedError(path, 1, message="expected the table title alone on line 1 and a blank line 2")
    title = lines[0][1][0]
    body = [(n, cells) for n, cells in lines[2:]]
    end = next((i for i, (_n, cells) in enumerate(body) if not any(c.strip() for c in cells)), len(body))
    footnotes = [" ".join(c.strip() for c in cells if c.strip()) for _n, cells in body[end:]]
    body = body[:end]
    headers = []
    while body and not body[0][1][0].strip():
        headers.append(body.pop(0))
    if not headers or len(headers) > 2:
        raise ImportSeedError(path, 3, message="expected one or two header rows (first cell blank)")
    width = len(headers[0][1])
    if any(len(cells) != width for _n, cells in headers):
        raise ImportSeedError(path, headers[-1][0], message="the header rows differ in length")
    filled = []
    for _n, cells in headers:
        row, last = [], ""
        for c in cells[1:]:
            last = c.strip() or last
            row.append(last)
        filled.append(row)
    columns = []
    for i in range(width - 1):
        labels = [row[i] for row in filled]
        years = [(k, parse_year(label)) for k, label in enumerate(labels) if parse_year(label)]
        if len(years) != 1:
            raise ImportSeedError(path, headers[-1][0], field=f"column {i + 2}",
                                  message=f"expected exactly one year among the header cells {labels}")
        k, (year, prel) = years[0]
        item = labels[1 - k] if len(labels) == 2 else ""
        columns.append((i + 1, " / ".join(labels), year, prel, item))
    rows = []
    for n, cells in body:
        if len(cells) != width:
            raise ImportSeedError(path, n, message=f"{len(cells)} cells, the header has {width}")
        rows.append((n, " ".join(cells[0].split()), cells))
    return {"title": title, "columns": columns, "rows": rows, "footnotes": footnotes}
