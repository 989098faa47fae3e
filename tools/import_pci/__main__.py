"""Command line: python -m tools.import_pci [--raw DIR] [--package DIR] [--no-readme]."""
import argparse
import csv
import sys
from pathlib import Path

from tools.import_seed.errors import ImportSeedError
from tools.import_seed.slugs import slugify
from tools.package_rows import run_importer

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "pci-vcci-"
TABLE = "table-"          # a raw file of all provinces' ranking for one year (tables.py), not a province page
PUBLISHERS = {"vi": "VCCI, pcivietnam.vn", "en": "VCCI, pcivietnam.vn (English)"}   # as in sources.csv already
# The page's province name, slugified, where it differs from the unit slug of units.csv.
ALIASES = {"ha-noi": "hanoi", "tp-ho-chi-minh": "ho-chi-minh-city", "ho-chi-minh": "ho-chi-minh-city",
           "hcmc": "ho-chi-minh-city", "tp-hcm": "ho-chi-minh-city", "tt-hue": "thua-thien-hue",
           "hue": "thua-thien-hue", "ba-ria-vung-tau": "ba-ria-vung-tau", "brvt": "ba-ria-vung-tau"}
# Boundaries that changed inside the PCI years: (slug, first PCI year of the later unit, unit before).
# Hà Tây merged into Hà Nội on 2008-08-01. The unit id of the old city is the one units.csv has (the lead
# engineer's `hanoi-pre2008`, after `hanoi-pre2025`), else the brief's `ha-noi-pre2008`.
EARLIER = {"hanoi": (2008, ("hanoi-pre2008", "ha-noi-pre2008"))}
WHOLE = {"ha-tay": "ha-tay-pre2008"}


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m tools.import_pci", description=__doc__)
    p.add_argument("--raw", type=Path, default=Path(__file__).resolve().parent / "raw", help="raw page texts")
    p.add_argument("--package", type=Path, default=ROOT / "datapackage", help="datapackage folder to write")
    p.add_argument("--no-readme", action="store_true", help="do not rewrite the report in datapackage/README.md")
    return p.parse_args(argv)


def unit_for(slug, year, units=()):
    if slug in WHOLE:
        return WHOLE[slug]
    if slug in EARLIER and int(year) < EARLIER[slug][0]:
        candidates = EARLIER[slug][1]
        return next((u for u in candidates if u in units), candidates[-1])
    return f"{slug}-pre2025"


def pre2025_units(package_dir):
    path = Path(package_dir) / "data" / "units.csv"
    if not path.is_file():
        raise ImportSeedError(path, message="file not found")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {r["unit_id"]: r for r in rows}


def build(raw_dir, package_dir):
    from . import origin
    from .parse import parse

    listed = origin.read(raw_dir)          # refuses a missing or changed raw file before anything is read
    units = pre2025_units(package_dir)
    sources, observations, pages, skipped, notes = [], [], [], [], []
    tables = [r for r in listed if r["file"].startswith(TABLE)]
    listed = [r for r in listed if not r["file"].startswith(TABLE)]
    for row in sorted(listed, key=lambda r: r["file"]):
        path = Path(raw_dir) / row["file"]
        slug = row["file"][:-len(".txt")]
        page = parse(path)
        named = slugify(page["name"])
        if ALIASES.get(named, named) != slug:
            raise ImportSeedError(path, field="province", message=f"the page is about {page['name']!r}, "
                                                                    f"not the province of the file name ({slug})")
        if slug not in WHOLE and f"{slug}-pre2025" not in units:
            raise ImportSeedError(path, field="province", message=f"no unit {slug}-pre2025 in units.csv")
        source_id = PREFIX + slug
        sources.append({"source_id": source_id, "title": page["title"], "publisher": PUBLISHERS[page["language"]],
                        "url": row["url"], "published": "", "language": page["language"], "kind": "research",
                        "retrieved": row["copy_date"]})
        for c in page["cells"]:
            observations.append({"unit_id": unit_for(slug, c["year"], units), "indicator_id": c["indicator"],
                                 "period": c["year"], "status": "actual", "source_id": source_id,
                                 "value": c["value"], "note": ""})
        for s in page["skipped"]:
            skipped.append(dict(s, file=row["file"]))
        for d in page["disagreements"]:
            notes.append(f"{row['file']}: {d}")
        page.update(url=row["url"], loaded=len(page["cells"]), skipped=page["skipped"])
        pages.append(page)
    by_page = {(o["unit_id"], o["indicator_id"], o["period"]): o["value"] for o in observations}
    for row in sorted(tables, key=lambda r: r["file"]):
        table_rows(Path(raw_dir) / row["file"], row, units, by_page, sources, observations, pages, skipped, notes)
    for unit_id in sorted({o["unit_id"] for o in observations} - set(units)):
        notes.append(f"unit {unit_id} is not (yet) in units.csv; its rows are written all the same")
    found = {p_slug for p_slug in (r["file"][:-4] for r in listed)}
    missing = sorted(u["name_vi"] for uid, u in units.items()
                     if uid.endswith("-pre2025") and uid[:-len("-pre2025")] not in found
                     and u.get("unit_type") in ("province", "municipality"))
    return sources, observations, pages, missing, skipped, notes


def province_slug(path, line, name, units):
    named = slugify(name)
    slug = ALIASES.get(named, named)
    if slug not in WHOLE and f"{slug}-pre2025" not in units:
        raise ImportSeedError(path, line, "province", f"{name!r}: no unit {slug}-pre2025 in units.csv")
    return slug


def table_rows(path, row, units, by_page, sources, observations, pages, skipped, notes):
    from .tables import parse_table

    table = parse_table(path, row["url"])
    for c in table["cells"]:
        c["slug"] = province_slug(path, c["line"], c["province"], units)
    year, note = table["year"], "the year is the year= of the page's address"
    source_id = PREFIX + row["file"][:-len(".txt")]
    sources.append({"source_id": source_id, "title": table["title"], "publisher": PUBLISHERS[table["language"]],
                    "url": row["url"], "published": "", "language": table["language"], "kind": "research",
                    "retrieved": row["copy_date"]})
    seen = set()
    for c in table["cells"]:
        unit = unit_for(c["slug"], year, units)
        if (unit, c["indicator"]) in seen:
            raise ImportSeedError(path, c["line"], "province", f"{c['province']!r} has a second row")
        seen.add((unit, c["indicator"]))
        page_value = by_page.get((unit, c["indicator"], year))
        if page_value is not None and page_value != c["value"]:
            notes.append(f"{row['file']}: {c['province']} {c['indicator']} {year} is {c['value']}, its province "
                         f"page says {page_value}")
        observations.append({"unit_id": unit, "indicator_id": c["indicator"], "period": year, "status": "actual",
                             "source_id": source_id, "value": c["value"], "note": note})
    for s in table["skipped"]:
        skipped.append(dict(s, year=s["year"] or year, file=row["file"]))
    pages.append({"title": table["title"], "url": row["url"], "language": table["language"], "years": [year],
                  "loaded": len(table["cells"]), "skipped": table["skipped"]})


def owns(row):
    return row.get("source_id", "").startswith(PREFIX)


def run(args):
    from tools.package_rows import merge

    from . import report

    sources, observations, pages, missing, skipped, notes = build(args.raw, args.package)
    counts = merge(args.package, {"sources": (owns, sources), "observations": (owns, observations)})
    if not args.no_readme:
        readme = args.package / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.exists() else "# Data package\n"
        new = report.splice(text, report.render(pages, missing, observations, skipped, notes))
        if new != text:
            readme.write_bytes(new.encode("utf-8"))
    na = sum(1 for s in skipped if s["reason"].startswith("N/A"))
    print(f"pci: {len(pages)} pages, {len(observations)} figures loaded, {len(skipped)} cells skipped ({na} N/A), "
          f"{len(missing)} provinces without a page; sources {counts['sources']}, "
          f"observations {counts['observations']}")
    return 0


def main(argv=None):
    return run_importer("import_pci", parse_args, run, argv)


if __name__ == "__main__":
    sys.exit(main())
