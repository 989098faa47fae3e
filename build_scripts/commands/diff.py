"""`python -m build_scripts diff`: not built yet."""

HELP = "diff (not built yet)"


def add_arguments(parser):
    parser.add_argument("--package", default="datapackage", help="package folder (default: datapackage/)")


def run(args) -> int:
    print("diff is not built yet")
    return 1
