"""Settings of the portal: the focus province, the languages and the folders. Change them here only."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The province the portal is about; the same code publishes another province's portal with another id.
FOCUS_UNIT = "bac-ninh"

# Languages: the first is the default, served at /; the others at /<code>/ (mkdocs-static-i18n, suffix files).
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]

PACKAGE_DIR = REPO / "datapackage"
DOCS_DIR = REPO / "docs"
MKDOCS_YML = REPO / "mkdocs.yml"
BUILD_DIR = REPO / "build"
SITE_DIR = REPO / "site"

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
I18N_DIR = Path(__file__).resolve().parent / "i18n"
PERIOD_MACROS = Path(__file__).resolve().parent / "sql" / "period_macros.sql"
# The rule for the figure shown among rows of one unit, indicator, period and status.
FIGURE_CHOICE = Path(__file__).resolve().parent / "sql" / "figure_choice.sql"
ASSETS_DIR = Path(__file__).resolve().parent / "assets"

# Resources in the order they are loaded (a resource only refers to ones before it, or to itself).
RESOURCES = ("sources", "units", "unit_crosswalk", "indicators", "observations")

# The date of a build when the package has no "created" time (the sitemap, gzip headers): builds are byte-identical.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z

SERVE_HOST = "127.0.0.1"
SERVE_PORT = 8000

# Charts on the pages (build_scripts/charts); off gives pages with their descriptions and tables only.
CHARTS = True

# Processes that generate pages (at most one a core): chart rendering is most of a build's time.
PAGE_WORKERS = 4
