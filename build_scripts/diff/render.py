"""Render a Comparison as Markdown through templates/diff.md.j2: this module shapes the rows, the template holds the words."""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

from build_scripts.diff.compare import Comparison

TEMPLATES = Path(__file__).parent / "templates"
MAX_ROWS = 50  # above this many rows a section is summarised
FIRST_ROWS = 20  # rows shown when a section is summarised
MAX_VALUE_CHARS = 120  # longer property values are cut in the schema table


def render(comparison: Comparison, max_rows: int = MAX_ROWS) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(cell=cell, code=code, fenced=fenced, url=url, pct=pct, count=count, short=short, short_code=short_code, number=number)
    return env.get_template("diff.md.j2").render(**context(comparison, max_rows))


def context(comparison: Comparison, max_rows: int) -> dict:
    figures = [r for r in comparison.figures if r["change"] != "note"]
    notes = [r for r in comparison.figures if r["change"] in ("changed", "note") and r["old_note"] != r["new_note"]]
    kinds = {kind: sum(1 for r in comparison.figures if r["change"] == kind) for kind in ("added", "changed", "removed")}
    figures_summarised = len(figures) + len(notes) > max_rows
    tables_summarised = len(comparison.tables) > max_rows
    return {
        "c": comparison,
        "max_rows": max_rows,
        "first_rows": min(FIRST_ROWS, max_rows),
        "figure_kinds": kinds,
        "indicator_count": len({r["indicator_id"] for r in comparison.figures}),
        "figures": figures,
        "figure_groups": _groups(figures, "indicator_id"),
        "figures_summarised": figures_summarised,
        "notes": notes,
        "sources_added": [r for r in comparison.sources if r["change"] == "added"],
        "sources_removed": [r for r in comparison.sources if r["change"] == "removed"],
        "tables": comparison.tables,
        "table_groups": _groups(comparison.tables, "resource"),
        "table_counts": _table_counts(comparison.tables),
        "tables_summarised": tables_summarised,
        "schema": comparison.schema,
        "validation": comparison.validation,
        "version_changed": comparison.base_version != comparison.head_version,
        "derived": comparison.derived,
        "derived_kinds": {kind: sum(1 for r in comparison.derived or [] if r["change"] == kind) for kind in ("added", "changed", "removed")},
        "derived_summarised": len(comparison.derived or []) > max_rows,
    }


def _groups(rows: list[dict], key: str) -> list[dict]:
    return [{"key": k, "rows": list(g)} for k, g in itertools.groupby(rows, key=lambda r: r[key])]


def _table_counts(rows: list[dict]) -> list[dict]:
    counts = []
    for resource, group in itertools.groupby(rows, key=lambda r: r["resource"]):
        group = list(group)
        kinds = {kind: len({r["row_key"] for r in group if r["change"] == kind}) for kind in ("added", "changed", "removed")}
        counts.append({"resource": resource, **kinds})
    return counts


_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|~])")


def cell(value) -> str:
    """A value shown as written in a Markdown table cell: one line, Markdown's special characters escaped."""
    if value is None:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def code(value) -> str:
    """A value inside a code span in a table cell: one line, no backtick, pipes escaped (GFM tables)."""
    if value is None:
        return ""
    return " ".join(str(value).split()).replace("`", "'").replace("|", "\\|")


def fenced(value) -> str:
    """A line inside a fenced code block: one line, no backtick (which could close the fence), no control
    character. Package text in validation messages is escaped already; this keeps the fence shut."""
    if value is None:
        return ""
    text = " ".join(str(value).split()).replace("`", "'")
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def url(value) -> str:
    """A link destination written between < and >: no space or angle bracket."""
    if value is None:
        return ""
    return str(value).strip().replace(" ", "%20").replace("<", "%3C").replace(">", "%3E").replace("\n", "")


def pct(value) -> str:
    """A relative change in per cent with its sign: +10.0 %, -0.25 %, +0.00019 %; empty when there is none."""
    if value is None:
        return ""
    if value == 0:
        return "0 %"
    decimals = 1 if abs(value) >= 1 else 1 - math.floor(math.log10(abs(value)))  # two significant digits
    return f"{value:+.{decimals}f} %"


def count(value: int) -> str:
    return f"{value:,}"


def short(value, limit: int = MAX_VALUE_CHARS) -> str:
    """Like cell, with text longer than ``limit`` characters cut."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return cell(text if len(text) <= limit else text[: limit - 1] + "…")


def short_code(value, limit: int = MAX_VALUE_CHARS) -> str:
    """A value as a code span (JSON of the descriptor), cut like short; empty for a missing value."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return "`" + code(text if len(text) <= limit else text[: limit - 1] + "…") + "`"


def number(value) -> str:
    """A computed number (a derived sum) without float noise: 4672.2, not 4672.200000000001."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, ".15g")
    return str(value)
