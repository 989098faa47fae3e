"""`python -m build_scripts build`: not built yet."""

HELP = "build (not built yet)"


def add_arguments(parser):
    parser.add_argument("--package", default="datapackage", help="package folder (default: datapackage/)")


def run(args) -> int:
    print("build is not built yet")
    return 1
