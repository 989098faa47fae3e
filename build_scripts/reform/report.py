"""The coverage note of the comparable series: which indicators gained history, and how many points, by
post-2025 province (Markdown, from templates/coverage.md.j2)."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from build_scripts.reform import comparable

TEMPLATES = Path(__file__).resolve().parent / "templates"


def coverage_markdown(con) -> str:
    """The note for a connection on which comparable.prepare has run."""
    import jinja2

    rows = comparable.coverage(con)
    units = []
    for unit_id, group in groupby(rows, key=lambda r: r["unit_id"]):
        group = list(group)
        units.append({
            "unit_id": unit_id,
            "name_en": group[0]["name_en"],
            "points": sum(r["derived_points"] for r in group),
            "rows": group,
        })
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, autoescape=False, undefined=jinja2.StrictUndefined,
    )
    return env.get_template("coverage.md.j2").render(
        units=units,
        total_points=sum(r["derived_points"] for r in rows),
        merged_points=sum(r["merged_points"] for r in rows),
        indicator_count=len({r["indicator_id"] for r in rows}),
        unit_count=len(units),
        suspects=comparable.suspect_additive_indicators(con),
    )
