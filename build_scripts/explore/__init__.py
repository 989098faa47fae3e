"""The SQL page (/data/explore/): DuckDB-WASM from node_modules copied into the site (engine.py), the
example queries (examples/*.sql, their titles in the i18n files) and the tables the page offers as views
over the site's own Parquet downloads (TABLES)."""

from __future__ import annotations

from build_scripts import settings

# The views of the page, one a published Parquet download of the same name (downloads/<name>.parquet).
TABLES = ("observations", "observations_comparable", "indicators", "units", "sources", "unit_crosswalk")

# The examples in the order the page lists them; each is examples/<name>.sql, titled explore.example_<name>.
EXAMPLES = ("ranking", "focus_series", "comparable_parts", "disagreements")

# Rows shown under the editor; the CSV download holds every row of the result.
MAX_ROWS_SHOWN = 1000

EXAMPLES_DIR = settings.REPO / "build_scripts" / "explore" / "examples"
