"""Command line: python -m tools.import_gso [--package DIR] [--raw ZIP] [--no-readme].

Reads only tools/import_gso/raw/gso_21092018.zip (checked against raw/ORIGIN.toml), and writes into the
package only its own rows: sources whose id starts with gso-, the observations citing them, and the
indicators it adds (tools/package_rows.merge). Run it after python -m tools.import_seed."""
import argparse
import sys
from pathlib import Path

from tools.package_rows import run_importer

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m tools.import_gso", description=__doc__.splitlines()[0])
    p.add_argument("--package", type=Path, default=ROOT / "datapackage", help="datapackage folder to write")
    p.add_argument("--raw", type=Path, default=HERE / "raw" / "gso_21092018.zip", help="the pinned raw zip")
    p.add_argument("--no-readme", action="store_true", help="do not rewrite the report in datapackage/README.md")
    return p.parse_args(argv)


def not_imported():
    from tools.import_seed.seed import read_csv
    return [(r["table"], r["reason"]) for r in read_csv(HERE / "not_imported.csv", ["table", "reason"])]


def run(args):
    from tools.package_rows import descriptor_schemas, merge

    from . import importer, raw_tables, report

    origin = raw_tables.origin()["gso_21092018"]
    zf = raw_tables.open_zip(args.raw, origin["sha256"])
    package = args.package
    schemas = {name: r["schema"] for name, r in descriptor_schemas(package).items()}
    result = importer.build(zf, args.raw.name, origin, package, schemas)
    skipped_tables = not_imported()
    new_ids = {r["indicator_id"] for r in result["indicators"]}
    all_new = {r["indicator_id"] for r in importer.new_indicators(schemas["indicators"])}
    counts = merge(package, {
        "sources": (lambda r: r["source_id"].startswith("gso-"), result["sources"]),
        "observations": (lambda r: r["source_id"].startswith("gso-"),
                         [{k: v for k, v in o.items() if not k.startswith("_")} for o in result["observations"]]),
        "indicators": (lambda r: r["indicator_id"] in all_new, result["indicators"]),
    })
    if not args.no_readme:
        readme = package / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.exists() else "# Data package\n"
        readme.write_text(report.splice(text, report.render(result, skipped_tables)), encoding="utf-8")
    obs = result["observations"]
    print(f"gso: tables {len(result['stats'])}, figures {len(obs)}, indicators {len({o['indicator_id'] for o in obs})} "
          f"({len(new_ids)} new), back-cast {sum(1 for o in obs if o['backcast'])}, "
          f"empty cells {sum(s[3] for s in result['stats'])}, not loaded {sum(s[4] for s in result['skipped'])}; "
          f"package: sources {counts['sources']}, observations {counts['observations']}, indicators {counts['indicators']}")
    return 0


def main(argv=None):
    return run_importer("import_gso", parse_args, run, argv)


if __name__ == "__main__":
    sys.exit(main())
