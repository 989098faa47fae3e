"""`python -m build_scripts serve`: not built yet."""

HELP = "serve (not built yet)"


def add_arguments(parser):
    parser.add_argument("--package", default="datapackage", help="package folder (default: datapackage/)")


def run(args) -> int:
    print("serve is not built yet")
    return 1
