"""Turn the catalogued GSO tables into package rows: sources, observations, new indicators."""
import tomllib
import unicodedata
import urllib.parse
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tools.import_seed import catalogue as seed_catalogue
from tools.import_seed.errors import ImportSeedError
from tools.import_seed.seed import read_catalogue, read_csv
from tools.import_seed.slugs import slugify

from . import raw_tables
from .boundaries import Resolver, Units, read_changes

HERE = Path(__file__).resolve().parent
MISSING = {"", "..", "...", "-"}
CATALOGUE_COLUMNS = ["table", "item", "indicator_id", "published_unit", "factor", "offset", "year",
                     "hanoi_before_2008", "evidence"]


def _decimal(text, where, field):
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ImportSeedError(*where, field=field, message=f"{text!r} is not a number") from None
    if not value.is_finite():
        raise ImportSeedError(*where, field=field, message=f"{text!r} is not a finite number")
    return value


def exact(value):
    """Shortest exact decimal text: 7790.4 x 1000 -> '7790400', 3049 x 0.001 -> '3.049', -0.0 -> '0'."""
    if value == 0:
        return "0"
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def read_catalogue_csv(path=HERE / "catalogue.csv"):
    rows = read_csv(path, CATALOGUE_COLUMNS)
    seen = {}
    for r in rows:
        where = ("tools/import_gso/catalogue.csv", r["_line"])
        r["factor_d"] = _decimal(r["factor"], where, "factor")
        r["offset_d"] = _decimal(r["offset"], where, "offset") if r["offset"] else Decimal(0)
        if r["year"] and not r["year"].isdigit():
            raise ImportSeedError(*where, field="year", message="must be a year or empty")
        if r["hanoi_before_2008"] not in ("old", "skip"):
            raise ImportSeedError(*where, field="hanoi_before_2008", message="must be old or skip")
        if not r["evidence"]:
            raise ImportSeedError(*where, field="evidence", message="the unit needs its evidence")
        key = (r["table"], r["item"])
        if key in seen:
            raise ImportSeedError(*where, field="item", message=f"given twice (also line {seen[key]})")
        seen[key] = r["_line"]
    return rows


def new_indicators(schema):
    path = HERE / "indicators.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ImportSeedError("tools/import_gso/indicators.toml", message=f"not valid TOML ({exc})") from None
    seed = read_catalogue()
    for key in data:
        if key in seed:
            raise ImportSeedError("tools/import_gso/indicators.toml", field=key,
                                  message=f"already defined by the seed catalogue ({seed[key]['_file']}): reuse it")
        data[key]["_file"] = "indicators.toml"
    try:
        rows = seed_catalogue.rows(data, schema)
    except ImportSeedError as exc:
        raise ImportSeedError("tools/import_gso/indicators.toml", field=exc.field, message=exc.message) from None
    for r in rows:
        for f in ("name_vi", "description_vi", "caveats_vi"):
            if r[f] != unicodedata.normalize("NFC", r[f]):
                raise ImportSeedError("tools/import_gso/indicators.toml", field=f"{r['indicator_id']}.{f}",
                                      message="not NFC")
    return rows


def gso_names():
    out = {}
    for r in read_csv(HERE / "gso_names.csv", ["gso_name", "name_vi", "note"]):
        out[r["gso_name"]] = (r["name_vi"] or None, r["note"])
    return out


def norm_name(text):
    return " ".join(text.split())


def source_id(title, taken):
    slug = slugify(title)
    sid = "gso-" + slug
    if len(sid) > 60:
        sid = sid[:60]
        sid = sid[:sid.rfind("-")] if "-" in sid[4:] else sid
    sid = sid.strip("-")
    if sid in taken:
        raise ImportSeedError("tools/import_gso/catalogue.csv", field="table",
                              message=f"two tables give the source id {sid}")
    taken.add(sid)
    return sid


def build(zf, zip_label, origin, package_dir, schemas):
    catalogue = read_catalogue_csv()
    names = gso_names()
    unit_rows = read_csv(Path(package_dir) / "data" / "units.csv", ["unit_id", "name_vi", "valid_from", "valid_to"])
    indicator_ids = {r["indicator_id"] for r in read_csv(Path(package_dir) / "data" / "indicators.csv", ["indicator_id"])}
    added = new_indicators(schemas["indicators"])
    added_ids = {r["indicator_id"] for r in added}
    for r in catalogue:
        if r["indicator_id"] not in indicator_ids | added_ids:
            raise ImportSeedError("tools/import_gso/catalogue.csv", r["_line"], "indicator_id",
                                  f"{r['indicator_id']} is neither in indicators.csv nor in indicators.toml")
    resolver = Resolver(Units(unit_rows), read_changes())
    excluded = {}
    for r in read_csv(HERE / "exclusions.csv", ["table", "gso_name", "first_year", "last_year", "reason"]):
        excluded.setdefault((r["table"], names.get(r["gso_name"], (None,))[0]), []).append(
            (int(r["first_year"]), int(r["last_year"]), r["reason"]))
    by_table = {}
    for r in catalogue:
        by_table.setdefault(r["table"], []).append(r)

    sources, observations, skipped, stats = [], [], [], []
    taken = set()
    for table in sorted(by_table):
        entries = {r["item"]: r for r in by_table[table]}
        title, header, rows = raw_tables.read_table(zf, table, zip_label)
        clean = raw_tables.clean_title(title, table)
        sid = source_id(clean, taken)
        path = origin["per_file_prefix"] + table
        sources.append({"source_id": sid, "title": clean, "publisher": origin["publisher"],
                        "url": f"https://github.com/choisy/gso/blob/{origin['per_file_commit']}/"
                               + urllib.parse.quote(path),
                        "published": origin["published"], "language": "en", "kind": "statistics_office",
                        # original_url is the office's address of this table; the repository records only
                        # the listing page it started from (ORIGIN.toml), which is no address of a table
                        "retrieved": origin["retrieved"], "original_url": ""})
        where_table = f"{zip_label}!{table}"
        columns, previous = [], {}
        for index, label in enumerate(header[1:], start=1):
            year, prel, item = raw_tables.parse_column(label)
            entry = entries.get(item)
            if entry is None:
                columns.append((index, label, None, None, False, f"column item {item!r} not in the catalogue"))
                continue
            if year is None:
                if not entry["year"]:
                    raise ImportSeedError("tools/import_gso/catalogue.csv", entry["_line"], "year",
                                          f"the column {label!r} of {table} has no year: give it")
                year = int(entry["year"])
            reason = None
            if item in previous and year <= previous[item]:
                reason = (f"header year {label!r} out of order after {previous[item]} "
                          "(probably a mistyped year): column not loaded")
            else:
                previous[item] = year
            columns.append((index, label, entry, year, prel, reason))
        # the cells: grid[name_vi][(entry line, year, prel)] = (text, line)
        grid, row_names, count = {}, {}, Counter()
        for line, cells in rows:
            gso = norm_name(cells[0])
            if gso not in names:
                raise ImportSeedError(where_table, line, "Cities, provincies",
                                      f"row name {gso!r} not in tools/import_gso/gso_names.csv")
            name_vi, note = names[gso]
            values = [(c, cells[c].strip() if c < len(cells) else "") for c, *_ in columns]
            if name_vi is None:
                n = sum(1 for _c, v in values if v not in MISSING)
                if n:
                    skipped.append((table, gso, "", "", n, note))
                continue
            if name_vi in row_names:
                raise ImportSeedError(where_table, line, "Cities, provincies",
                                      f"{gso!r} repeats the row of line {row_names[name_vi]}")
            row_names[name_vi] = line
            grid[name_vi] = {}
            for (c, label, entry, year, prel, reason), (_c, text) in zip(columns, values):
                grid[name_vi][c] = (text, line)
        for name_vi, cells in grid.items():
            for c, label, entry, year, prel, reason in columns:
                text, line = cells[c]
                if text in MISSING:
                    count["missing"] += 1
                    continue
                if entry is None or reason:
                    skipped.append((table, name_vi, label, "", 1, reason))
                    continue

                def has_value(other, c=c, grid=grid):
                    return other in grid and grid[other][c][0] not in MISSING

                rule = next((x for x in excluded.get((table, name_vi), []) if x[0] <= year <= x[1]), None)
                if rule:
                    skipped.append((table, name_vi, label, str(year), 1, rule[2]))
                    continue
                unit, flag = resolver.resolve(name_vi, year, has_value, entry["hanoi_before_2008"])
                if unit is None:
                    skipped.append((table, name_vi, label, str(year), 1, flag))
                    continue
                value = _decimal(text.replace(",", ""), (where_table, line), label) * entry["factor_d"] + entry["offset_d"]
                note = note_vi = ""
                if entry["offset_d"]:
                    note = f"GSO index (previous year = 100) {text} minus 100"
                    note_vi = f"chỉ số của Tổng cục Thống kê (năm trước = 100) {text.replace('.', ',')} trừ 100"
                observations.append({"unit_id": unit, "indicator_id": entry["indicator_id"], "period": str(year),
                                     "status": "preliminary" if prel else "actual", "source_id": sid,
                                     "value": exact(value), "note": note, "note_vi": note_vi, "backcast": True if flag else None,
                                     "_table": table, "_line": line, "_label": label, "_raw": text})
                count["loaded"] += 1
        stats.append((table, sid, count["loaded"], count["missing"]))
    used = {o["indicator_id"] for o in observations}
    added = [r for r in added if r["indicator_id"] in used]
    keys = Counter((o["unit_id"], o["indicator_id"], o["period"], o["status"], o["source_id"]) for o in observations)
    twice = [k for k, n in keys.items() if n > 1]
    if twice:
        first = next(o for o in observations if (o["unit_id"], o["indicator_id"], o["period"], o["status"], o["source_id"]) == twice[0])
        raise ImportSeedError(f"{zip_label}!{first['_table']}", first["_line"], first["_label"],
                              f"two cells give {'/'.join(twice[0])}")
    return {"sources": sources, "observations": observations, "indicators": added, "skipped": skipped,
            "stats": stats, "catalogue": catalogue}
