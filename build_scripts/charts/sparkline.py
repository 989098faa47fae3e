"""A sparkline as plain SVG text: rows in, SVG out, no Altair and no renderer (a page can hold dozens).

Rows are ``end_date`` (ISO date), ``value`` (a finite number) and an optional ``kind``: "derived" (a sum of
the former provinces, drawn as a dashed stretch that runs on to the next published figure, as in the series
chart) or "outcome". The look is the one Vega-Lite drew before: a blue line 1.5 px wide over a plot of
WIDTH x HEIGHT pixels with PADDING around it, time on x by end date (exact domain), y not from zero (the
domain made "nice" the way d3 does it, as Vega-Lite's quantitative scales are), and a dot on the latest figure.
No axis and no number: the page prints the figure beside it.

The bytes are deterministic: rows sorted, coordinates with at most two decimals, no element ids, text NFC.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import unicodedata

from . import rows as check
from . import theme

WIDTH = 120
HEIGHT = 32
PADDING = 2
STROKE_WIDTH = 1.5
DASH = "3,2"
DOT_RADIUS = 2  # fits the padding: the latest figure sits on the plot's right edge
KINDS = ("outcome", "derived")
NAME = "sparkline"


def size() -> dict:
    """The SVG's size in pixels (for the <img>, so the page does not jump)."""
    return {"width": WIDTH + 2 * PADDING, "height": HEIGHT + 2 * PADDING}


def points(rows: list[dict]) -> list[dict]:
    """The rows checked and sorted by end date (then value, then kind): the same rows in any order give
    the same points. A bad row raises ChartInputError naming the row (1-based, as given) and the field."""
    check.require_fields(NAME, rows, ("end_date", "value"))
    data = []
    for i, row in enumerate(rows):
        kind = row.get("kind")
        data.append({"end_date": check.iso_date(NAME, i, "end_date", row["end_date"]),
                     "value": check.number(NAME, i, "value", row["value"]),
                     "derived": check.one_of(NAME, i, "kind", kind, KINDS) == "derived" if kind is not None else False})
    if not data:
        raise check.ChartInputError("sparkline chart: no rows to draw")
    data.sort(key=lambda r: (r["end_date"], r["value"], r["derived"]))
    return data


def _tick_increment(start: float, stop: float, count: int) -> float:
    """d3-array's tickIncrement: the tick step for about ``count`` ticks (negative: the inverse of a step < 1)."""
    step = (stop - start) / max(0, count)
    power = math.floor(math.log10(step))
    error = step / 10 ** power
    factor = 10 if error >= math.sqrt(50) else 5 if error >= math.sqrt(10) else 2 if error >= math.sqrt(2) else 1
    return factor * 10 ** power if power >= 0 else -(10 ** -power) / factor


def nice(lo: float, hi: float, count: int = 10) -> tuple[float, float]:
    """d3-scale's linear.nice(): the domain widened to round tick values, as Vega-Lite draws a y scale."""
    previous = None
    for _ in range(10):
        step = _tick_increment(lo, hi, count)
        if step == previous:
            break
        if step > 0:
            lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
        elif step < 0:
            lo, hi = math.ceil(lo * step) / step, math.floor(hi * step) / step
        else:
            break
        previous = step
    return lo, hi


def _scale(lo: float, hi: float, start: float, end: float):
    if hi == lo:  # one value, or one date: the middle of the range (as d3 does)
        middle = (start + end) / 2
        return lambda _: middle
    return lambda v: start + (v - lo) / (hi - lo) * (end - start)


def _num(x: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros: 0, 29.98, 6.4."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _days(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def _runs(data: list[dict]) -> list[tuple[bool, list[dict]]]:
    """Consecutive rows of one kind, each joined to the first row of the run after it (as the series
    chart's line: no gap where the dashes end); (dashed, rows) in order."""
    runs: list[tuple[bool, list[dict]]] = []
    for row in data:
        if runs and runs[-1][0] == row["derived"]:
            runs[-1][1].append(row)
        else:
            if runs:
                runs[-1][1].append(row)
            runs.append((row["derived"], [row]))
    return runs


def svg(rows: list[dict], description: str | None = None) -> str:
    """The sparkline's SVG text (ending in a newline). With ``description`` the image is role="img" with
    that aria-label and <title>; without, it is left to the page's alt text."""
    data = points(rows)
    days = [_days(r["end_date"]) for r in data]
    values = [r["value"] for r in data]
    x = _scale(min(days), max(days), 0, WIDTH)
    y_lo, y_hi = nice(min(values), max(values)) if max(values) > min(values) else (min(values), max(values))
    y = _scale(y_lo, y_hi, HEIGHT, 0)
    xy = {id(r): (_num(x(d)), _num(y(r["value"]))) for r, d in zip(data, days)}

    paths = []
    for dashed, run in _runs(data):
        if len(run) < 2:
            continue
        d = "M" + "L".join(f"{xy[id(r)][0]},{xy[id(r)][1]}" for r in run)
        paths.append(f'<path d="{d}"' + (f' stroke-dasharray="{DASH}"' if dashed else "") + "/>")
    paths.sort(key=lambda p: "stroke-dasharray" not in p)  # the dashed stretch under the solid line, as before
    cx, cy = xy[id(data[-1])]
    w, h = size()["width"], size()["height"]
    label = ""
    if description and description.strip():
        text = html.escape(" ".join(unicodedata.normalize("NFC", description).split()), quote=True)
        label = f' role="img" aria-label="{text}"><title>{text}</title'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"{label}>',
        f'<rect width="{w}" height="{h}" fill="{theme.BACKGROUND}"/>',
        f'<g transform="translate({PADDING},{PADDING})">',
        f'<g fill="none" stroke="{theme.BLUE}" stroke-width="{STROKE_WIDTH}" stroke-miterlimit="10">',
        *paths,
        "</g>",
        f'<circle cx="{cx}" cy="{cy}" r="{DOT_RADIUS}" fill="{theme.BLUE}"/>',
        "</g></svg>\n",
    ]
    return unicodedata.normalize("NFC", "".join(parts))
