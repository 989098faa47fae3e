"""Command line: python -m tools.import_pxweb [--raw DIR] [--package DIR] [--no-readme].

Reads only tools/import_pxweb/raw/ (checked against raw/ORIGIN.csv first) and writes into the package only its
own rows: the sources whose id starts with gsopx- and the observations citing them (tools/package_rows.merge).
Run it after the seed, gso and pci importers."""
import argparse
import sys
from pathlib import Path

from tools.package_rows import run_importer

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m tools.import_pxweb", description=__doc__.splitlines()[0])
    p.add_argument("--raw", type=Path, default=HERE / "raw", help="the raw PX-Web exports and ORIGIN.csv")
    p.add_argument("--package", type=Path, default=ROOT / "datapackage", help="datapackage folder to write")
    p.add_argument("--no-readme", action="store_true", help="do not rewrite the report in datapackage/README.md")
    return p.parse_args(argv)


def owns(row):
    from .importer import PREFIX
    return row.get("source_id", "").startswith(PREFIX)


def run(args):
    from tools.package_rows import merge

    from . import importer, report

    result = importer.build(args.raw, args.package)
    rows = [{k: v for k, v in o.items() if not k.startswith("_")} for o in result["observations"]]
    counts = merge(args.package, {"sources": (owns, result["sources"]), "observations": (owns, rows)})
    if not args.no_readme:
        readme = args.package / "README.md"
        text = readme.read_text(encoding="utf-8") if readme.exists() else "# Data package\n"
        new = report.splice(text, report.render(result))
        if new != text:
            readme.write_bytes(new.encode("utf-8"))
    print(f"pxweb: tables {len(result['stats'])}, figures {len(rows)}, cells not loaded "
          f"{sum(result['skipped'].values())}; package: sources {counts['sources']}, "
          f"observations {counts['observations']}")
    return 0


def main(argv=None):
    return run_importer("import_pxweb", parse_args, run, argv)


if __name__ == "__main__":
    sys.exit(main())
