"""The SQL page (/data/explore/): an editor, the example queries and the results of a query run in the
reader's browser by DuckDB-WASM over the site's own Parquet downloads (build_scripts/explore).

The page's HTML is in the template; its script (assets/explore/explore.js) is loaded by this page only, and
loads the engine and the tables only when the first query runs. A build without the engine (no
node_modules) gives a page that says so instead of an editor."""

from __future__ import annotations

import json

from markupsafe import Markup

from build_scripts import explore, i18n, settings
from build_scripts.explore import engine
from build_scripts.pages.site import Site, href

TEMPLATE = "explore.md.j2"
SCRIPT = "assets/explore/explore.js"
STYLES = "assets/explore/explore.css"
# the interface words the script shows (explore.<key> in the i18n files)
SCRIPT_WORDS = ("loading_engine", "loading_tables", "running", "rows_shown", "rows_all", "no_rows",
                "ran_in", "result_label", "csv_name", "empty_query", "engine_failed")


def keys(site: Site) -> list[str]:
    return [""]


def directory(key: str) -> str:
    return "data/explore"


def script_json(value) -> Markup:
    """JSON that can sit inside a <script> element: no "<" that could close it."""
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace("&", "\\u0026"))


def attribute(value: str) -> Markup:
    """A site path or number for an HTML attribute: the build made it, and it holds nothing to escape."""
    text = str(value)
    if any(c in text for c in "\"'<>& "):
        raise ValueError(f"not an attribute value the page makes: {text!r}")
    return Markup(text)


def raw_href(here: str, to: str, lang: str) -> str:
    """A link inside the page's HTML, which mkdocs-static-i18n leaves as it is (it rewrites Markdown links
    only): from /<lang>/<here>/ for a language other than the default, to the one published copy."""
    return href(here if lang == settings.DEFAULT_LANGUAGE else f"{lang}/{here}", to)


def example_sql(name: str, lang: str) -> str:
    """The editor's text of an example: its title as a comment, then examples/<name>.sql."""
    sql = (explore.EXAMPLES_DIR / f"{name}.sql").read_text(encoding="utf-8").strip()
    return f"-- {i18n.t(lang, f'explore.example_{name}')}\n{sql}\n"


def model(site: Site, key: str, lang: str) -> dict:
    here = directory(key)
    tables = [{"name": Markup(name), "parquet_href": href(here, f"downloads/{name}.parquet"),
               "raw_href": raw_href(here, f"downloads/{name}.parquet", lang)} for name in explore.TABLES]
    examples = [{"name": Markup(name)} for name in explore.EXAMPLES]  # plain identifiers
    return {
        "engine": engine.present(site.out_dir),
        "engine_href": attribute(raw_href(here, f"{engine.TARGET}/{engine.MODULE}", lang).rsplit("/", 1)[0] + "/"),
        "script_href": attribute(raw_href(here, SCRIPT, lang)),
        "styles_href": attribute(raw_href(here, STYLES, lang)),
        "data_href": href(here, "data"),
        "max_rows": explore.MAX_ROWS_SHOWN,
        "tables": tables,
        "tables_json": script_json({t["name"]: t["raw_href"] for t in tables}),
        "examples": examples,
        "examples_json": script_json({name: example_sql(name, lang) for name in explore.EXAMPLES}),
        "words_json": script_json({word: i18n.t(lang, f"explore.{word}") for word in SCRIPT_WORDS}),
    }
