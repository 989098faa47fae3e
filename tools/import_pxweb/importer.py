"""Turn the catalogued PX-Web exports into package rows: one source a table, one figure a cell.

A figure goes to the unit named in its row that was valid on 31 December of its year (the boundary rule of
tools/import_gso/boundaries.py, shared); every table here is of 2015-2019, inside the 63-province boundary."""
import datetime as dt
import urllib.parse
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tools.import_gso.boundaries import Units
from tools.import_gso.importer import exact
from tools.import_seed.errors import ImportSeedError
from tools.import_seed.seed import read_csv
from tools.import_seed.slugs import slugify

from . import tables

HERE = Path(__file__).resolve().parent
PREFIX = "gsopx-"
PUBLISHER = "Tổng cục Thống kê (General Statistics Office)"
MISSING = {"", "..", "...", "-"}
CATALOGUE = ["file", "item", "indicator_id", "factor", "published_unit", "note", "evidence"]


def catalogue():
    out = {}
    for r in read_csv(HERE / "catalogue.csv", CATALOGUE):
        where = ("tools/import_pxweb/catalogue.csv", r["_line"])
        try:
            r["factor_d"] = Decimal(r["factor"])
        except InvalidOperation:
            raise ImportSeedError(*where, field="factor", message=f"{r['factor']!r} is not a number") from None
        if not r["evidence"]:
            raise ImportSeedError(*where, field="evidence", message="the unit needs its evidence")
        key = (r["file"], r["item"])
        if key in out:
            raise ImportSeedError(*where, field="item", message=f"given twice (also line {out[key]['_line']})")
        out[key] = r
    return out


def left_out():
    return {(r["file"], r["item"]): r["reason"]
            for r in read_csv(HERE / "not_imported.csv", ["file", "item", "reason"])}


def names():
    return {r["gso_name"]: (r["name_vi"] or None, r["note"])
            for r in read_csv(HERE / "names.csv", ["gso_name", "name_vi", "note"])}


def source_id(title, taken):
    sid = (PREFIX + slugify(title))[:60].strip("-")
    if sid in taken:
        raise ImportSeedError("tools/import_pxweb/raw/ORIGIN.csv", field="file",
                              message=f"two tables give the source id {sid}")
    taken.add(sid)
    return sid


def published(table):
    """The edition: the year after the last year the table covers (the Statistical Yearbook of year Y, which
    ends with the preliminary figures of Y, is published in Y + 1)."""
    return str(max(c[2] for c in table["columns"]) + 1)


def build(raw_dir, package_dir):
    listed = tables.read_origin(raw_dir)
    cat, skip, place = catalogue(), left_out(), names()
    unit_rows = read_csv(Path(package_dir) / "data" / "units.csv", ["unit_id", "name_vi", "valid_from", "valid_to"])
    indicator_ids = {r["indicator_id"] for r in read_csv(Path(package_dir) / "data" / "indicators.csv", ["indicator_id"])}
    for (file, item), r in cat.items():
        if r["indicator_id"] not in indicator_ids:
            raise ImportSeedError("tools/import_pxweb/catalogue.csv", r["_line"], "indicator_id",
                                  f"{r['indicator_id']} is not in indicators.csv")
    units = Units(unit_rows)
    sources, observations, skipped, stats, taken = [], [], Counter(), [], set()
    for origin in sorted(listed, key=lambda r: r["file"]):
        file = origin["file"]
        path = Path(raw_dir) / file
        table = tables.read_table(path)
        title = tables.clean_title(table["title"])
        sid = source_id(title, taken)
        source = {"source_id": sid, "title": title, "publisher": PUBLISHER,
                  # the commit's short form keeps the address short enough for the pages that list a
                  # source a figure; GitHub resolves it to the same commit
                  "url": f"https://github.com/{origin['repository']}/blob/{origin['commit'][:7]}/"
                         + urllib.parse.quote(origin["path"]),
                  "published": published(table), "language": "vi", "kind": "statistics_office",
                  "retrieved": origin["committed"], "original_url": ""}
        loaded, empty = 0, 0
        for line, gso, cells in table["rows"]:
            if gso not in place:
                raise ImportSeedError(path, line, "place", f"row name {gso!r} not in tools/import_pxweb/names.csv")
            name_vi, why = place[gso]
            for index, label, year, prel, item in table["columns"]:
                text = cells[index].strip()
                if text in MISSING:
                    empty += 1
                    continue
                entry = cat.get((file, item))
                if name_vi is None:
                    skipped[(file, f"row {gso}: {why}")] += 1
                    continue
                if entry is None:
                    reason = skip.get((file, item))
                    if reason is None:
                        raise ImportSeedError(path, line, label, f"column item {item!r} is neither in "
                                                                 "catalogue.csv nor in not_imported.csv")
                    skipped[(file, f"{item or 'every column'}: {reason}")] += 1
                    continue
                found = units.valid_on(name_vi, dt.date(year, 12, 31))
                if len(found) != 1:
                    raise ImportSeedError(path, line, label, f"{len(found)} units named {name_vi} valid on "
                                                             f"{year}-12-31 in units.csv (expected one)")
                try:
                    value = Decimal(text) * entry["factor_d"]
                except InvalidOperation:
                    raise ImportSeedError(path, line, label, f"{text!r} is not a number") from None
                observations.append({"unit_id": found[0], "indicator_id": entry["indicator_id"],
                                     "period": str(year), "status": "preliminary" if prel else "actual",
                                     "source_id": sid, "value": exact(value), "note": entry["note"],
                                     "backcast": None, "_file": file, "_line": line, "_label": label,
                                     "_raw": text})
                loaded += 1
        if loaded:                           # a table none of whose cells is loaded is cited by nothing
            sources.append(source)
        stats.append({"file": file, "title": title, "source_id": sid, "loaded": loaded, "empty": empty,
                      "years": sorted({c[2] for c in table["columns"]}), "url": source["url"]})
    keys = Counter((o["unit_id"], o["indicator_id"], o["period"], o["status"], o["source_id"]) for o in observations)
    twice = [k for k, n in keys.items() if n > 1]
    if twice:
        first = next(o for o in observations
                     if (o["unit_id"], o["indicator_id"], o["period"], o["status"], o["source_id"]) == twice[0])
        raise ImportSeedError(first["_file"], first["_line"], first["_label"], f"two cells give {'/'.join(twice[0])}")
    return {"sources": sources, "observations": observations, "skipped": skipped, "stats": stats}
