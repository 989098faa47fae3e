"""python -m build_scripts.reform [--package DIR] [--out DIR]

Validates the package, builds observations_comparable, prints the coverage note (Markdown) and, with
--out, writes observations_comparable.csv, .parquet and .json there. Exit 0 done, 1 invalid package,
2 usage."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_scripts import settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m build_scripts.reform",
        description="Comparable series across the 2025 reform: what it adds, and its download files.",
    )
    parser.add_argument("--package", type=Path, default=settings.PACKAGE_DIR, help="the data package folder")
    parser.add_argument("--out", type=Path, help="write observations_comparable.csv, .parquet and .json here")
    args = parser.parse_args(argv)

    from build_scripts import db
    from build_scripts.reform import files, report
    from build_scripts.validate import validate_package

    result = validate_package(args.package)
    if result.errors:
        print(f"{args.package}: {len(result.errors)} validation error(s); "
              f"run python -m build_scripts validate --package {args.package} to see them.", file=sys.stderr)
        return 1
    con = db.load_package(args.package)
    if args.out is not None:
        if args.out.exists() and not args.out.is_dir():
            print(f"{args.out}: not a folder; give --out a folder to write the files into.", file=sys.stderr)
            return 2
        for path in files.write_comparable(con, args.out):
            print(f"wrote {path}", file=sys.stderr)
    else:
        from build_scripts.reform import comparable

        comparable.prepare(con)
    sys.stdout.write(report.coverage_markdown(con))
    return 0


if __name__ == "__main__":
    sys.exit(main())
