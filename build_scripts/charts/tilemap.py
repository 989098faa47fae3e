"""The tile-grid map: each province a tile on a grid, coloured in five equal-width classes of value.
A province without a figure is a light grey tile, hatched in two corners, with a dashed border and its
own legend entry: never a colour of the scale, never zero. Rows with ``focus`` true get a dark outline."""

from __future__ import annotations

import json

import altair as alt

from . import rows as check
from . import theme
from .locale import number_format
from .spec import finish, period_param, rows_chart

TILE_WIDTH = 44       # the narrowest tile; tiles widen to TILE_MAX_WIDTH while the map fits a phone
TILE_MAX_WIDTH = 66
TILE_HEIGHT = 38
PHONE_PLOT_WIDTH = 330
LABEL_LINE = 11       # characters a line of a tile's label before it breaks in two
# Hatch lines in tile units (x from the left, y from the top): two in the top-left corner, two in the
# bottom-right one, parallel, the middle left clear for the label.
HATCH = (("x0", "ya", "xa", "y0"), ("x0", "ym", "xm", "y0"), ("xm", "y1", "x1", "ym"), ("xb", "y1", "x1", "yb"))


def quantize_thresholds(low: float, high: float, classes: int) -> list[float]:
    """The class boundaries Vega's quantize scale uses for domain [low, high] (d3 scaleQuantize)."""
    n = classes - 1
    return [((i + 1) * high - (i - n) * low) / (n + 1) for i in range(n)]


def two_lines(label: str) -> str:
    """A tile's label on one line, or two broken at the space that balances them best."""
    words = label.split()
    if len(label) <= LABEL_LINE or len(words) < 2:
        return label
    splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))]
    first, second = min(splits, key=lambda pair: (max(len(pair[0]), len(pair[1])), len(pair[0])))
    return f"{first}\n{second}"


def _tiles(rows: list[dict], no_data: str, *, with_period: bool = False) -> list[dict]:
    name = "tile map"
    check.require_fields(name, rows, ("unit_id", "name", "tile_row", "tile_col", "value") + (("period",) if with_period else ()))
    data, cells = [], {}
    for i, row in enumerate(rows):
        col = check.whole(name, i, "tile_col", row["tile_col"])
        line = check.whole(name, i, "tile_row", row["tile_row"])
        unit_id = check.text(name, i, "unit_id", row["unit_id"])
        period = check.text(name, i, "period", row["period"]) if with_period else ""
        if (period, line, col) in cells:
            where = f" in period {period!r}" if with_period else ""
            raise check.ChartInputError(
                f"tile map chart, row {i + 1}, field 'tile_row': {unit_id!r} is on the same tile as "
                f"{cells[(period, line, col)]!r}{where}")
        cells[(period, line, col)] = unit_id
        value = check.number(name, i, "value", row["value"], optional=True)
        full = check.text(name, i, "name", row["name"])
        short = row.get("short_name")
        item = {
            "focus": bool(row.get("focus", False)),
            "label": two_lines(check.text(name, i, "short_name", short) if short is not None else full),
            "name": full, "unit_id": unit_id, "value": value,
            "value_text": no_data if value is None else None,
            "x0": col, "x1": col + 1, "xm": col + 0.5, "y0": line, "y1": line + 1, "ym": line + 0.5,
        }
        if with_period:
            item["period"] = period
        data.append(item)
    if not data:
        raise check.ChartInputError("tile map chart: no rows to draw")
    return sorted(data, key=lambda r: (r.get("period", ""), r["y0"], r["x0"]))


def tile_map(rows: list[dict], lang: str, labels: dict, *, decimals: int = 1):
    """The map. Labels: legend (title of the colour legend, with the unit), no_data; optional title,
    description, name (tooltip title of the province). Rows may carry short_name (the tile's label)
    and focus."""
    name = "tile map"
    check.check_lang(name, lang)
    data = _tiles(rows, check.label(name, labels, "no_data"))
    values = [r["value"] for r in data if r["value"] is not None]
    if values:
        low, high = min(values), max(values)
        bounds = quantize_thresholds(low, high, len(theme.SEQUENTIAL))
        white_test = f"datum.value !== null && datum.value >= {bounds[theme.DARK_FROM - 1]!r}"
        domain = [low, high]
    else:
        white_test, domain = "false", None

    base = rows_chart()
    return _map(name, data, base, labels, decimals, white_test=white_test, domain=domain,
                any_value=bool(values), any_missing=len(values) < len(data))


def tile_periods_map(rows: list[dict], lang: str, labels: dict, *, decimals: int = 1):
    """The map of every period in one spec, one period drawn at a time, following the page's <select>
    as ranking_periods_chart does (param ``period``, filter ``datum.period === period``; labels select,
    selected and optional descriptions). Rows: those of tile_map, plus period: one a tile and period
    (value None where the province has no figure for that period: hatched, never zero).

    The colour scale is computed for the chosen period (five equal-width classes from its smallest to
    its largest figure), like the ranking's axis beside it: one scale over all periods would leave a
    period of close figures in one or two colours. The legend shows the chosen period's classes; a
    tile's label turns white on the dark classes by the same thresholds (d3's quantize formula)."""

    name = "tile map"
    check.check_lang(name, lang)
    data = _tiles(rows, check.label(name, labels, "no_data"), with_period=True)
    param, usermeta = period_param(name, labels, {r["period"] for r in data})
    values = [r["value"] for r in data if r["value"] is not None]
    n = len(theme.SEQUENTIAL) - 1
    i = theme.DARK_FROM - 1

    base = rows_chart().transform_filter(f"datum.period === {param.name}").transform_joinaggregate(
        lo="min(value)", hi="max(value)")
    white_test = f"datum.value !== null && datum.value >= ({i + 1} * datum.hi - ({i - n}) * datum.lo) / {n + 1}"
    return _map(name, data, base, labels, decimals, white_test=white_test, domain=None, any_value=bool(values),
                any_missing=len(values) < len(data), param=param, usermeta=usermeta)


def _map(name: str, data: list[dict], base, labels: dict, decimals: int, *, white_test: str, domain,
         any_value: bool, any_missing: bool, param=None, usermeta=None):

    legend_title = check.label(name, labels, "legend")
    no_data = check.label(name, labels, "no_data")
    unit_title = check.label(name, labels, "name", optional=True) or " "
    fmt = number_format(decimals)
    cols, lines = max(r["x1"] for r in data), max(r["y1"] for r in data)

    def x(field: str) -> alt.X:
        return alt.X(f"{field}:Q", axis=None, scale=alt.Scale(domain=[0, cols], nice=False, zero=False))

    def y(field: str) -> alt.Y:
        return alt.Y(f"{field}:Q", axis=None, scale=alt.Scale(domain=[0, lines], nice=False, zero=False, reverse=True))

    tile = {"x": x("x0"), "x2": "x1:Q", "y": y("y0"), "y2": "y1:Q"}
    base = base.transform_calculate(
        desc=f"datum.name + ': ' + (datum.value === null ? datum.value_text : format(datum.value, {json.dumps(fmt)}))",
    )
    layers = []
    if any_value:
        scale = {"domain": domain} if domain is not None else {}
        layers.append(base.transform_filter("datum.value !== null").mark_rect(stroke=theme.WHITE, strokeWidth=2).encode(
            **tile, description="desc:N",
            color=alt.Color("value:Q", title=legend_title, scale=alt.Scale(
                type="quantize", range=theme.SEQUENTIAL, nice=False, zero=False, **scale),
                legend=alt.Legend(format=fmt, orient="bottom", direction="vertical", symbolType="square")),
            tooltip=[alt.Tooltip("name:N", title=unit_title), alt.Tooltip("value:Q", title=legend_title, format=fmt)],
        ))
    if any_missing:
        missing = base.transform_filter("datum.value === null")
        layers.append(missing.mark_rect(stroke=theme.NO_DATA_HATCH, strokeWidth=1, strokeDash=[3, 2]).encode(
            **tile, description="desc:N",
            fill=alt.Fill("value_text:N", title=None, scale=alt.Scale(domain=[no_data], range=[theme.NO_DATA_FILL]),
                          legend=alt.Legend(orient="bottom", symbolType="square", symbolStrokeColor=theme.NO_DATA_HATCH)),
            tooltip=[alt.Tooltip("name:N", title=unit_title), alt.Tooltip("value_text:N", title=legend_title)],
        ))
        hatch = missing.transform_calculate(xa="datum.x0 + 0.25", ya="datum.y0 + 0.25",
                                            xb="datum.x0 + 0.75", yb="datum.y0 + 0.75")
        for ax, ay, bx, by in HATCH:
            layers.append(hatch.mark_rule(color=theme.NO_DATA_HATCH, strokeWidth=1, aria=False).encode(
                x=x(ax), y=y(ay), x2=f"{bx}:Q", y2=f"{by}:Q"))
    if any(r["focus"] for r in data):
        layers.append(base.transform_filter("datum.focus").mark_rect(
            fill=None, stroke=theme.TEXT, strokeWidth=2.5, aria=False).encode(**tile))
    tile_width = max(TILE_WIDTH, min(TILE_MAX_WIDTH, PHONE_PLOT_WIDTH // cols))
    # A limit only where a line of a label is longer than two_lines makes them (one long word): measuring
    # for it costs a third of the map's render time, and a line of LABEL_LINE characters of a name fits a tile.
    long_line = any(len(line) > LABEL_LINE for r in data for line in r["label"].split("\n"))
    layers.append(base.mark_text(fontSize=9, baseline="middle", align="center",
                                 limit=tile_width - 4 if long_line else alt.Undefined, lineBreak="\n", aria=False,
                                 fontWeight=alt.ExprRef("datum.focus ? 'bold' : 'normal'")).encode(
        x=x("xm"), y=y("ym"), text="label:N",
        color=alt.condition(white_test, alt.value(theme.WHITE), alt.value(theme.TEXT)),
    ))
    chart = alt.layer(*layers).resolve_scale(color="independent", fill="independent")
    if param is not None:
        chart = chart.add_params(param)
    chart = chart.properties(width=cols * tile_width, height=lines * TILE_HEIGHT)
    return finish(chart, data, labels, name, fit=False, usermeta=usermeta)
