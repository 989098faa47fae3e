"""Command line: python -m tools.import_seed [--seed DIR] [--out DIR] [--readme FILE]."""
import argparse
import json
import sys
from pathlib import Path

from .errors import ImportSeedError
from .raw_files import RAW, check
from tools.package_rows import run_importer

ROOT = Path(__file__).resolve().parents[2]
SEED_COLUMNS = ["province", "boundary", "indicator", "period", "value", "unit", "measure", "price_basis", "status",
                "source_url", "source_publisher", "source_date", "note"]


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m tools.import_seed", description=__doc__)
    p.add_argument("--seed", type=Path, default=RAW, help="folder of the seed files and their ORIGIN.csv")
    p.add_argument("--package", type=Path, default=ROOT / "datapackage", help="datapackage folder to write")
    p.add_argument("--no-readme", action="store_true", help="do not rewrite the report in datapackage/README.md")
    return p.parse_args(argv)


def run(args):
    from . import catalogue as cat
    from . import csvout, observations, periods, report, sources, units
    from .seed import read_catalogue, read_csv

    check(args.seed)
    descriptor = json.loads((args.package / "datapackage.json").read_text(encoding="utf-8"))
    schemas = {r["name"]: r["schema"] for r in descriptor["resources"]}
    pre = read_csv(args.seed / "provinces_pre2025.csv", ["name_vi", "name_en", "type", "region", "gso_code", "source_url", "note"])
    post = read_csv(args.seed / "provinces_2025.csv", ["name_vi", "name_en", "type", "merged_from", "seat", "source_url", "note"])
    seed_rows = []
    for name in ("bacninh_observations.csv", "province_observations.csv"):
        seed_rows += read_csv(args.seed / name, SEED_COLUMNS)
    from .seed import mapping
    fixes = {r["seed_url"]: r["url"] for r in mapping("url_fixes.csv", ["seed_url", "url", "reason"])}
    for r in seed_rows + pre + post:
        r["source_url"] = fixes.get(r["source_url"], r["source_url"])

    unit_rows, crosswalk, lookup = units.build(pre, post)
    catalogue = read_catalogue()
    indicator_rows = cat.rows(catalogue, schemas["indicators"])
    period_map = periods.interpret(r["period"] for r in seed_rows)
    unchanged = {r["name_vi"] for r in post if ";" not in r["merged_from"]}
    candidates, excluded = observations.convert_rows(seed_rows, lookup, catalogue, period_map, unchanged)
    kept, key_excluded, merged = observations.drop_key_conflicts(candidates)
    excluded += key_excluded
    outliers = observations.magnitude_outliers(kept, catalogue)
    outlier_ids = {id(g) for g, _m, _n in outliers}
    for g, median, n in outliers:
        excluded.append(observations._excluded(
            g["_row"], f"{g['value']} is more than 8 times off the median ({format(median, 'f')}) of {n} figures "
                       "of the same series within three years: probably a unit slip", g["unit_id"], g["indicator_id"],
            g["period"]))
    kept = [k for k in kept if id(k) not in outlier_ids]
    mark_backcasts(kept, unit_rows, period_map)

    citations = [{"url": r["source_url"], "publisher": r["source_publisher"], "published": r["source_date"],
                  "_file": r["_file"], "_line": r["_line"]} for r in seed_rows]
    for r in mapping("extra_sources.csv", ["url", "publisher", "published"]):
        citations.append({"url": r["url"], "publisher": r["publisher"], "published": r["published"],
                          "_file": r["_file"], "_line": r["_line"]})
    used = {k["source_id"] for k in kept} | {u.get("source_id") for u in unit_rows} | {c["source_id"] for c in crosswalk}
    source_rows = [s for s in sources.build(citations) if s["source_id"] in used]
    missing = used - {s["source_id"] for s in source_rows} - {None, ""}
    if missing:
        raise ImportSeedError("sources", field="source_id", message=f"no source row for {sorted(missing)[0]}")

    with_figures = {k["indicator_id"] for k in kept}
    unused = sorted(r["indicator_id"] for r in indicator_rows if r["indicator_id"] not in with_figures)
    indicator_rows = [r for r in indicator_rows if r["indicator_id"] in with_figures]

    out = args.package / "data"
    counts = {}
    for name, rows in (("units", unit_rows), ("unit_crosswalk", crosswalk), ("indicators", indicator_rows),
                       ("sources", source_rows), ("observations", kept)):
        schema = schemas[name]
        fields = [f["name"] for f in schema["fields"]]
        counts[name] = csvout.write(out / f"{name}.csv", rows, fields, schema["primaryKey"])
    counts["_units"], counts["seed_rows"], counts["_unused"] = unit_rows, len(seed_rows), unused
    counts["_sources"] = source_rows
    block = report.render(counts, kept, excluded, merged)
    if not args.no_readme:
        readme = args.package / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.exists() else "# Data package\n"
        readme.write_text(report.splice(text, block), encoding="utf-8")
    print(f"units {counts['units']}, crosswalk {counts['unit_crosswalk']}, indicators {counts['indicators']}, "
          f"sources {counts['sources']}, observations {counts['observations']} "
          f"(seed rows {len(seed_rows)}, left out {len(excluded)}, repeats merged {len(merged)})")
    return 0


def mark_backcasts(rows, unit_rows, period_map):
    """A seed figure for a unit whose period ended before the unit began (a source's figure for a post-2025
    province before the reform) is the publisher's back-cast onto the later boundary: mark it so."""
    ends = {v[0]: str(v[3]) for v in period_map.values() if v}
    begins = {u["unit_id"]: u.get("valid_from") or "" for u in unit_rows}
    for row in rows:
        begin = begins.get(row["unit_id"], "")
        if begin and ends[row["period"]] < begin:
            row["backcast"] = True


def main(argv=None):
    return run_importer("import_seed", parse_args, run, argv)


if __name__ == "__main__":
    sys.exit(main())
