"""`python -m build_scripts fmt`: not built yet."""

HELP = "fmt (not built yet)"


def add_arguments(parser):
    parser.add_argument("--package", default="datapackage", help="package folder (default: datapackage/)")


def run(args) -> int:
    print("fmt is not built yet")
    return 1
