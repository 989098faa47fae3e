"""`python -m build_scripts validate [--package DIR] [--json]`: check the data package; exit 0 valid, 1 invalid."""

HELP = "check the data package: schemas, keys, domain rules and canonical form (exit 0 valid, 1 invalid, 2 usage)"


def add_arguments(parser):
    parser.add_argument("--package", default="datapackage", help="package folder (default: datapackage/)")
    parser.add_argument("--json", action="store_true", help="print the problems as a JSON list instead of lines")


def run(args) -> int:
    import sys
    from pathlib import Path

    from build_scripts.errors import say
    from build_scripts.report import render_json, render_text, summary
    from build_scripts.validate import validate_package

    if not Path(args.package).is_dir():
        print(f"python -m build_scripts validate: {say('package-not-folder', package=args.package)}", file=sys.stderr)
        return 2
    report = validate_package(Path(args.package))
    if args.json:
        sys.stdout.write(render_json(report))
        print(summary(report, args.package), file=sys.stderr)
    else:
        sys.stdout.write(render_text(report, args.package))
    return 0 if report.ok else 1
