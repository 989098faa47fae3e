"""`python -m build_scripts build`: validate, generate and build the site."""

HELP = "validate the package, generate the pages, charts and downloads, and build the site (swapped in only on success)"


def add_arguments(parser):
    parser.add_argument("--package", default="datapackage", help="package folder (default: datapackage/)")
    parser.add_argument("--site-dir", default="site", help="where the built site goes (default: site/)")
    parser.add_argument("--build-dir", default="build", help="git-ignored folder for generated pages (default: build/)")


def run(args) -> int:
    from build_scripts.pipeline import run as build
    from build_scripts.pipeline.progress import Progress

    # the folders as given: the build refuses an empty one (Path("") would be the working folder)
    return build(args.package, args.site_dir, args.build_dir, Progress())
