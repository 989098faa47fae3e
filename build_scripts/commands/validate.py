"""`python -m build_scripts validate`: not built yet."""

HELP = "validate (not built yet)"


def add_arguments(parser):
    parser.add_argument("--package", default="datapackage", help="package folder (default: datapackage/)")


def run(args) -> int:
    print("validate is not built yet")
    return 1
