"""Turn the catalogued yearbook pages into package rows: one source a page, one figure a catalogued cell."""
import csv
import datetime as dt
import hashlib
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tools.import_gso.importer import exact
from tools.import_seed.errors import ImportSeedError
from tools.import_seed.seed import read_csv

from . import pages

HERE = Path(__file__).resolve().parent
PREFIX = "yb-"
ORIGIN = ["file", "url", "unit_id", "publisher", "title", "edition", "evidence", "sha256", "bytes", "query"]
CATALOGUE = ["file", "section", "columns", "column", "indicator_id", "factor", "note"]
QUOTES = ["file", "quote", "value", "sign", "indicator_id", "period", "note"]
EN_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def read_origin(raw_dir):
    """ORIGIN.csv, every file present with its SHA-256 and size, and no raw file unlisted."""
    raw_dir = Path(raw_dir)
    path = raw_dir / "ORIGIN.csv"
    if not path.is_file():
        raise ImportSeedError(path, message="file not found: the list of raw pages and their SHA-256 is missing")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ORIGIN:
            raise ImportSeedError(path, 1, message=f"the columns should be {', '.join(ORIGIN)}")
        rows = [dict(r, _line=n) for n, r in enumerate(reader, start=2)]
    for r in rows:
        target = raw_dir / r["file"]
        if "/" in r["file"] or not r["file"].endswith(".txt"):
            raise ImportSeedError(path, r["_line"], "file", f"{r['file']!r} is not a raw page name (<name>.txt)")
        if not target.is_file():
            raise ImportSeedError(target, message=f"the raw page listed in ORIGIN.csv line {r['_line']} is missing")
        data = target.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != r["sha256"] or str(len(data)) != r["bytes"]:
            raise ImportSeedError(target, message=f"the raw page has changed: its SHA-256 is {digest}, "
                                                  f"ORIGIN.csv line {r['_line']} says {r['sha256']}")
    listed = {r["file"] for r in rows}
    for extra in sorted(p.name for p in raw_dir.glob("*.txt")):
        if extra not in listed:
            raise ImportSeedError(raw_dir / extra, message="this raw page is not listed in ORIGIN.csv")
    return rows


def words(text):
    """The words of a text without the bare numbers (a table number printed inside its title)."""
    return " ".join(w for w in text.split() if not w.isdigit())


def build(raw_dir, package_dir, tables_dir=HERE):
    listed = read_origin(raw_dir)
    catalogue = read_csv(Path(tables_dir) / "catalogue.csv", CATALOGUE)
    units = {r["unit_id"]: r for r in read_csv(Path(package_dir) / "data" / "units.csv",
                                               ["unit_id", "valid_from", "valid_to"])}
    indicators = {r["indicator_id"] for r in read_csv(Path(package_dir) / "data" / "indicators.csv", ["indicator_id"])}
    files = {r["file"] for r in listed}
    quotes = read_csv(Path(tables_dir) / "quotes.csv", QUOTES)
    for q in quotes:
        if q["file"] not in files or q["indicator_id"] not in indicators:
            raise ImportSeedError("tools/import_yearbooks/quotes.csv", q["_line"], "file",
                                  f"{q['file']} is not in raw/ORIGIN.csv or {q['indicator_id']} not in indicators.csv")
    for c in catalogue:
        where = ("tools/import_yearbooks/catalogue.csv", c["_line"])
        if c["file"] not in files:
            raise ImportSeedError(*where, field="file", message=f"{c['file']} is not in raw/ORIGIN.csv")
        if c["indicator_id"] not in indicators:
            raise ImportSeedError(*where, field="indicator_id", message=f"{c['indicator_id']} is not in indicators.csv")
        try:
            c["_factor"] = Decimal(c["factor"])
            c["_columns"], c["_column"] = int(c["columns"]), int(c["column"])
        except (InvalidOperation, ValueError):
            raise ImportSeedError(*where, message="columns and column must be whole numbers, factor a number") from None
        if not 1 <= c["_column"] <= c["_columns"]:
            raise ImportSeedError(*where, field="column", message=f"must be from 1 to {c['_columns']}")
    sources, observations, stats, skipped = [], [], [], Counter()
    for origin in sorted(listed, key=lambda r: r["file"]):
        path = Path(raw_dir) / origin["file"]
        unit = units.get(origin["unit_id"])
        if unit is None:
            raise ImportSeedError("tools/import_yearbooks/raw/ORIGIN.csv", origin["_line"], "unit_id",
                                  f"no unit {origin['unit_id']} in units.csv")
        lines = pages.read(path)
        if words(origin["title"]) not in words(" ".join(lines)):
            raise ImportSeedError(path, field="title", message=f"the page does not print the title "
                                                               f"{origin['title']!r} of ORIGIN.csv line {origin['_line']}")
        source_id = PREFIX + origin["file"][:-len(".txt")]
        loaded = 0
        text = " ".join(" ".join(lines).split())
        for q in (q for q in quotes if q["file"] == origin["file"]):
            where = ("tools/import_yearbooks/quotes.csv", q["_line"])
            if " ".join(q["quote"].split()) not in text:
                raise ImportSeedError(*where, field="quote", message=f"{origin['file']} does not print {q['quote']!r}")
            if q["value"] not in q["quote"] or not EN_NUMBER.match(q["value"]):
                raise ImportSeedError(*where, field="value", message=f"{q['value']!r} is not a number printed in the quote "
                                                                     "(English digits: ',' between thousands)")
            if q["sign"] not in ("", "-") or not re.fullmatch(r"(19|20)\d\d", q["period"]):
                raise ImportSeedError(*where, message="sign must be empty or '-', period a year")
            value = Decimal(q["value"].replace(",", "")) * (-1 if q["sign"] else 1)
            observations.append({"unit_id": origin["unit_id"], "indicator_id": q["indicator_id"], "period": q["period"],
                                 "status": "actual", "source_id": source_id, "value": exact(value), "note": q["note"],
                                 "backcast": None, "_raw": q["value"], "_file": origin["file"]})
            loaded += 1
        for c in (c for c in catalogue if c["file"] == origin["file"]):
            rows, cut = pages.section(path, lines, c["section"], c["_columns"])
            for year in cut:
                skipped[(origin["file"], f"{year}: row cut off by the end of the stored excerpt")] += 1
            for year, (prel, cells) in sorted(rows.items()):
                day = dt.date(year, 12, 31)
                if (unit["valid_from"] and day < dt.date.fromisoformat(unit["valid_from"])) or (
                        unit["valid_to"] and day > dt.date.fromisoformat(unit["valid_to"])):
                    skipped[(origin["file"], f"{year}: {origin['unit_id']} did not exist on {day}")] += 1
                    continue
                value = Decimal(pages.number(cells[c["_column"] - 1])) * c["_factor"]
                observations.append({"unit_id": origin["unit_id"], "indicator_id": c["indicator_id"],
                                     "period": str(year), "status": "preliminary" if prel else "actual",
                                     "source_id": source_id, "value": exact(value), "note": c["note"],
                                     "backcast": None, "_raw": cells[c["_column"] - 1], "_file": origin["file"]})
                loaded += 1
        if loaded:
            sources.append({"source_id": source_id, "title": origin["title"], "publisher": origin["publisher"],
                            "url": origin["url"], "published": "", "language": "vi", "kind": "statistics_office",
                            "retrieved": "", "original_url": ""})
        stats.append({"file": origin["file"], "title": origin["title"], "url": origin["url"], "unit": origin["unit_id"],
                      "edition": origin["edition"], "loaded": loaded})
    keys = Counter((o["unit_id"], o["indicator_id"], o["period"], o["status"], o["source_id"]) for o in observations)
    twice = [k for k, n in keys.items() if n > 1]
    if twice:
        raise ImportSeedError("tools/import_yearbooks/catalogue.csv", message=f"two cells give {'/'.join(twice[0])}")
    return {"sources": sources, "observations": observations, "stats": stats, "skipped": skipped}
