"""`python -m build_scripts diff BASE`: what a change does to the published figures, as Markdown."""

HELP = "what a change does to the published figures (added, changed, removed, by indicator and unit), as Markdown"


def add_arguments(parser):
    parser.add_argument("base", metavar="BASE", help="the package before the change: a git revision (main, HEAD~1, a commit id) or a package folder")
    parser.add_argument("--package", default="datapackage", help="the package after the change (default: datapackage/)")
    parser.add_argument("--max-rows", type=_positive, default=50, metavar="N", help="summarise a section that has more than N rows (default: 50)")
    parser.add_argument("--no-validate", dest="validate", action="store_false", help="skip validating both packages, and so the new warnings and the derived sums of pre-2025 provinces (faster)")


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number of rows above 0")
    return value


def run(args) -> int:
    import sys
    from pathlib import Path

    from build_scripts.diff import DiffUsageError, PackageReadError, diff_report

    try:
        report = diff_report(args.base, Path(args.package), max_rows=args.max_rows, validate=args.validate)
    except DiffUsageError as error:
        print(f"diff: {error}", file=sys.stderr)
        return 2
    except PackageReadError as error:
        print(f"diff: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(report)
    return 0
