"""What every research module shares: running this folder's SQL files, canonical JSON, the site's addresses.

SQL lives in ``build_scripts/research/<name>.sql`` (one query a file, named for what it returns);
``query`` binds the parameters by name. ``ensure_long`` creates the ``research_long`` table once on a
connection that has the package loaded (``build_scripts.db.load_package``).
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from build_scripts import db, settings

HERE = Path(__file__).resolve().parent
API_VERSION = "v1"
LANGUAGES = settings.LANGUAGES  # the default language first, served at the site root
LONG_TABLE = "research_long"


@lru_cache(maxsize=None)
def sql_text(name: str) -> str:
    return (HERE / f"{name}.sql").read_text(encoding="utf-8")


def ensure_long(con) -> None:
    """Create the research_long table once on this connection (the package does not change during a build)."""
    import duckdb

    try:
        con.table(LONG_TABLE)
    except duckdb.CatalogException:
        con.execute(sql_text("long_observations"))
        db.compact(con)


def relation(con, name: str, **params):
    """A DuckDB relation over <name>.sql with its parameters bound (read lazily, e.g. by write_parquet)."""
    return con.sql(sql_text(name), params=params or None)


def query(con, name: str, **params) -> list[dict]:
    """Rows of <name>.sql as dicts, parameters bound by name."""
    cursor = con.execute(sql_text(name), params) if params else con.execute(sql_text(name))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def jsonable(value):
    """A value as JSON can hold it: dates as ISO text, strings NFC."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def dumps(data) -> str:
    """Canonical JSON text: keys sorted, UTF-8 characters as is, two-space indent, final newline."""
    return json.dumps(jsonable(data), ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False) + "\n"


def write_text(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def base_url(descriptor: dict) -> str:
    """The site's public address from the package's homepage, with a final slash."""
    return (descriptor.get("homepage") or "").rstrip("/") + "/"


def site_url(descriptor: dict, path: str) -> str:
    """The public address of a file or folder of the site (path relative to the site root)."""
    return base_url(descriptor) + path.lstrip("/")


def page_path(directory: str, lang: str) -> str:
    """A page's folder in the built site for a language: the default language at the root, others under /<lang>/."""
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    return prefix + (f"{directory}/" if directory else "")


def text_in(descriptor: dict, key: str, lang: str) -> str:
    """The package's title or description in a language (titles/descriptions), else the plain one."""
    return (descriptor.get(f"{key}s") or {}).get(lang) or descriptor.get(key, "")


@lru_cache(maxsize=None)
def words(lang: str) -> dict:
    import yaml

    return yaml.safe_load((HERE / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))


def t(lang: str, key: str, **values) -> str:
    text = str(words(lang)[key])
    return unicodedata.normalize("NFC", text.format(**values) if values else text)
