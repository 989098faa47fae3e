"""Pure chart builders: rows in, Altair chart out, no I/O. Words come in ``labels`` (already translated);
numbers are formatted by d3 format strings that the page's locale turns into 1.234,5 (vi) or 1,234.5 (en).

Every builder sorts its rows, so the same rows in any order give the same spec."""

from __future__ import annotations

import json

import altair as alt

from . import rows as check
from . import theme
from .locale import number_format

AXIS_FORMAT = ",~f"  # grouped thousands, no trailing zeros: 72.500 / 72,500 and 2,5 / 2.5
KINDS = ("outcome", "derived", "target")
SERIES_HEIGHT = 260
TARGET_SHIFT = 9     # pixels a target moves right of an outcome of the same period
RANKING_STEP = 20
TILE_WIDTH = 44      # the narrowest tile; tiles widen to TILE_MAX_WIDTH while the map fits a phone
TILE_MAX_WIDTH = 66
PHONE_PLOT_WIDTH = 330
LABEL_LINE = 11      # characters a line of a tile's label before it breaks in two
TILE_HEIGHT = 38
SPARK_WIDTH = 120
SPARK_HEIGHT = 32


def _fit_width() -> dict:
    return {"autosize": {"contains": "padding", "resize": True, "type": "fit-x"}}


def _finish(chart: alt.TopLevelMixin, labels: dict, chart_name: str, *, fit: bool = True):
    """Title, description (read out as the SVG's aria-label), kind and the shared configuration."""
    chart = chart.properties(usermeta={"kind": chart_name.replace(" ", "_")})
    title = check.label(chart_name, labels, "title", optional=True)
    description = check.label(chart_name, labels, "description", optional=True) or title
    props = {}
    if title:
        props["title"] = alt.TitleParams(text=title)
    if description:
        props["description"] = description
    chart = chart.properties(**props)
    if fit:
        chart = chart.properties(width="container", **_fit_width())
    config = theme.config()
    return chart.configure(**{k: v for k, v in config.items() if k in ("background", "font")}) \
        .configure_axis(**config["axis"]).configure_legend(**config["legend"]) \
        .configure_title(**config["title"]).configure_view(**config["view"]) \
        .configure_text(**config["text"])


# --- a unit over time ------------------------------------------------------------------------------

def series_chart(rows: list[dict], lang: str, labels: dict, *, decimals: int = 1):
    """One unit's indicator over time. Outcomes are a solid line with filled dots, derived figures (sums
    of pre-2025 parts) hollow dots on a dashed stretch of the same line, targets vermilion diamonds that
    no line joins to the outcomes. Labels: y_title (with unit), outcome, derived, target; optional title, description,
    period (tooltip title of the period), legend_title."""
    name = "series"
    check.check_lang(name, lang)
    check.require_fields(name, rows, ("period", "period_label", "end_date", "value", "kind"))
    y_title = check.label(name, labels, "y_title")
    series_names = {kind: check.label(name, labels, kind) for kind in KINDS}
    period_title = check.label(name, labels, "period", optional=True) or " "
    fmt = number_format(decimals)

    data = []
    for i, row in enumerate(rows):
        kind = check.one_of(name, i, "kind", row["kind"], KINDS)
        data.append({
            "end_date": check.iso_date(name, i, "end_date", row["end_date"]),
            "kind": kind,
            "period": check.text(name, i, "period", row["period"]),
            "period_label": check.text(name, i, "period_label", row["period_label"]),
            "series": series_names[kind],
            "status": row.get("status") or "",
            "value": check.number(name, i, "value", row["value"]),
        })
    if not data:
        raise check.ChartInputError("series chart: no rows to draw")
    data.sort(key=lambda r: (r["end_date"], r["period"], KINDS.index(r["kind"]), r["value"]))
    actual_periods = {r["period_label"] for r in data if r["kind"] != "target"}
    for r in data:  # a target beside an outcome of the same period moves right, so both stay visible
        r["shift"] = TARGET_SHIFT if r["kind"] == "target" and r["period_label"] in actual_periods else 0
    data += _line_runs(data)
    periods: list[str] = []
    for r in data:
        if r["period_label"] not in periods:
            periods.append(r["period_label"])
    present = [k for k in KINDS if any(r["kind"] == k for r in data)]
    domain = [series_names[k] for k in present]
    style = {"outcome": (theme.BLUE, theme.BLUE, "circle"), "derived": (theme.WHITE, theme.BLUE, "circle"),
             "target": (theme.VERMILLION, theme.VERMILLION, "diamond")}
    legend = alt.Legend(title=check.label(name, labels, "legend_title", optional=True), symbolStrokeWidth=2,
                        direction="vertical")  # one entry a line: long Vietnamese labels fit a phone

    base = alt.Chart(alt.Data(values=data)).transform_calculate(
        desc=f"datum.period_label + ' · ' + datum.series + ': ' + format(datum.value, {json.dumps(fmt)})",
    ).encode(
        x=alt.X("period_label:O", title=None, scale=alt.Scale(domain=periods),
                axis=alt.Axis(labelAngle=0, labelLimit=90, labelOverlap="greedy")),
        y=alt.Y("value:Q", title=y_title, axis=alt.Axis(format=AXIS_FORMAT, tickCount=5)),
        tooltip=[alt.Tooltip("period_label:N", title=period_title),
                 alt.Tooltip("series:N", title=check.label(name, labels, "legend_title", optional=True) or " "),
                 alt.Tooltip("value:Q", title=y_title, format=fmt)],
    )
    line = base.transform_filter("datum.run !== null").mark_line(color=theme.BLUE, strokeWidth=2, aria=False).encode(
        detail="run:N",
        strokeDash=alt.StrokeDash("dashed:N", legend=None, scale=alt.Scale(domain=[False, True], range=[[1, 0], [5, 3]])),
    )
    marks = base.transform_filter("!datum.bridge").mark_point(
        size=70, strokeWidth=2, opacity=1, xOffset=alt.ExprRef("datum.shift")).encode(
        description="desc:N",
        shape=alt.Shape("series:N", legend=legend,
                        scale=alt.Scale(domain=domain, range=[style[k][2] for k in present])),
        fill=alt.Fill("series:N", legend=legend,
                      scale=alt.Scale(domain=domain, range=[style[k][0] for k in present])),
        stroke=alt.Stroke("series:N", legend=legend,
                          scale=alt.Scale(domain=domain, range=[style[k][1] for k in present])),
    )
    layers = [line, marks] if any(k != "target" for k in present) else [marks]
    chart = alt.layer(*layers).properties(height=SERIES_HEIGHT)
    return _finish(chart, labels, name)


def _line_runs(data: list[dict]) -> list[dict]:
    """Mark each outcome or derived row with its run (consecutive rows of one kind) and whether that
    run is dashed (derived); targets get no run, so no line reaches them. Returns the bridge rows: a
    copy of each run's first point added to the run before it, so the line has no gap where the
    dashes end (bridge rows are drawn as line only, never as a point)."""
    run, previous, bridges = -1, None, []
    for r in data:
        r["bridge"] = False
        if r["kind"] == "target":
            r["dashed"], r["run"] = False, None
            continue
        if r["kind"] != previous:
            run += 1
            if previous is not None:
                bridges.append({**r, "bridge": True, "dashed": previous == "derived", "run": run - 1})
            previous = r["kind"]
        r["dashed"], r["run"] = r["kind"] == "derived", run
    return bridges


# --- provinces for one period ---------------------------------------------------------------------

def ranking_chart(rows: list[dict], lang: str, labels: dict, *, decimals: int = 1):
    """Provinces ranked by value (largest first) as horizontal bars with their values written beside
    them; the focus province in blue with its name in bold, the others grey. Labels: x_title (with
    unit); optional title, description, name (tooltip title of the province). Rows without a value are
    left out (the page's table lists them)."""
    name = "ranking"
    check.check_lang(name, lang)
    check.require_fields(name, rows, ("unit_id", "name", "value", "focus"))
    x_title = check.label(name, labels, "x_title")
    fmt = number_format(decimals)
    data = []
    for i, row in enumerate(rows):
        value = check.number(name, i, "value", row["value"], optional=True)
        if value is None:
            continue
        data.append({"focus": bool(row["focus"]), "name": check.text(name, i, "name", row["name"]),
                     "unit_id": check.text(name, i, "unit_id", row["unit_id"]), "value": value})
    if not data:
        raise check.ChartInputError("ranking chart: no row has a value to draw")
    data.sort(key=lambda r: (-r["value"], r["name"], r["unit_id"]))
    seen: dict[str, str] = {}
    for r in data:
        if r["name"] in seen:
            raise check.ChartInputError(
                f"ranking chart: units {seen[r['name']]!r} and {r['unit_id']!r} share the name {r['name']!r}; "
                "a ranking needs one name a bar")
        seen[r["name"]] = r["unit_id"]
    focus_names = [r["name"] for r in data if r["focus"]]
    is_focus = " || ".join(f"datum.value === {json.dumps(n, ensure_ascii=False)}" for n in focus_names) or "false"

    base = alt.Chart(alt.Data(values=data)).transform_calculate(
        desc=f"datum.name + ': ' + format(datum.value, {json.dumps(fmt)})",
        label_x="max(datum.value, 0)",  # values are written right of the bar, or of zero for a negative bar
    ).encode(
        y=alt.Y("name:N", title=None, scale=alt.Scale(domain=[r["name"] for r in data]),
                axis=alt.Axis(labelLimit=140, labelFontWeight={
                    "condition": {"test": is_focus, "value": "bold"}, "value": "normal"}, ticks=False, domain=False)),
        x=alt.X("value:Q", title=x_title, axis=alt.Axis(format=AXIS_FORMAT, tickCount=4, orient="top")),
        tooltip=[alt.Tooltip("name:N", title=check.label(name, labels, "name", optional=True) or " "),
                 alt.Tooltip("value:Q", title=x_title, format=fmt)],
    )
    bars = base.mark_bar(height={"band": 0.75}).encode(
        description="desc:N",
        color=alt.condition(alt.datum.focus, alt.value(theme.BLUE), alt.value(theme.OTHER)))
    values = base.mark_text(
        align="left", dx=3, baseline="middle", fontSize=11, color=theme.TEXT,
        fontWeight=alt.ExprRef("datum.focus ? 'bold' : 'normal'"), aria=False,
    ).encode(x=alt.X("label_x:Q"), text=alt.Text("value:Q", format=fmt))
    # A height in pixels, not a step: Vega-Lite 6.4 warns about a step height under autosize fit-x.
    # Room on the right for the longest value label (written right of its bar, past the plot), so
    # that it is never cut off: about 7 px a character at 11 px, bold included.
    longest = max((len(f"{abs(r['value']):,.{decimals}f}") + (r["value"] < 0) for r in data), default=0)
    chart = alt.layer(bars, values).properties(
        height=max(1, len(data)) * RANKING_STEP, padding={"bottom": 5, "left": 5, "right": 8 + 7 * longest, "top": 5})
    return _finish(chart, labels, name)


# --- the tile-grid map ----------------------------------------------------------------------------

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


def tile_map(rows: list[dict], lang: str, labels: dict, *, decimals: int = 1):
    """Provinces as tiles on a grid, coloured in five equal-width classes of value with a legend.
    A province without a figure is a light grey tile with dark hatching and a dashed border, with its
    own legend entry (labels["no_data"]): never a colour of the scale, never zero. Labels: legend,
    no_data; optional title, description, name. Rows may carry short_name for the tile's label."""
    name = "tile map"
    check.check_lang(name, lang)
    check.require_fields(name, rows, ("unit_id", "name", "tile_row", "tile_col", "value"))
    legend_title = check.label(name, labels, "legend")
    no_data = check.label(name, labels, "no_data")
    fmt = number_format(decimals)
    data, cells = [], {}
    for i, row in enumerate(rows):
        col = check.whole(name, i, "tile_col", row["tile_col"])
        line = check.whole(name, i, "tile_row", row["tile_row"])
        unit_id = check.text(name, i, "unit_id", row["unit_id"])
        if (line, col) in cells:
            raise check.ChartInputError(
                f"tile map chart, row {i + 1}, field 'tile_row': {unit_id!r} is on the same tile as {cells[(line, col)]!r}")
        cells[(line, col)] = unit_id
        value = check.number(name, i, "value", row["value"], optional=True)
        full = check.text(name, i, "name", row["name"])
        short = row.get("short_name")
        data.append({
            "label": two_lines(check.text(name, i, "short_name", short) if short is not None else full),
            "name": full, "unit_id": unit_id, "value": value,
            "value_text": no_data if value is None else None,
            "x0": col, "x1": col + 1, "xm": col + 0.5, "y0": line, "y1": line + 1, "ym": line + 0.5,
        })
    if not data:
        raise check.ChartInputError("tile map chart: no rows to draw")
    data.sort(key=lambda r: (r["y0"], r["x0"]))
    values = [r["value"] for r in data if r["value"] is not None]
    cols = max(r["x1"] for r in data)
    lines = max(r["y1"] for r in data)
    x = alt.X("x0:Q", axis=None, scale=alt.Scale(domain=[0, cols], nice=False, zero=False))
    y = alt.Y("y0:Q", axis=None, scale=alt.Scale(domain=[0, lines], nice=False, zero=False, reverse=True))
    base = alt.Chart(alt.Data(values=data)).transform_calculate(
        desc=f"datum.name + ': ' + (datum.value === null ? datum.value_text : format(datum.value, {json.dumps(fmt)}))",
    )
    layers = []
    white_test = "false"
    if values:
        low, high = min(values), max(values)
        bounds = quantize_thresholds(low, high, len(theme.SEQUENTIAL))
        white_test = f"datum.value !== null && datum.value >= {bounds[theme.DARK_FROM - 1]!r}"
        layers.append(base.transform_filter("datum.value !== null").mark_rect(
            stroke=theme.WHITE, strokeWidth=2).encode(
            x=x, x2="x1:Q", y=y, y2="y1:Q", description="desc:N",
            color=alt.Color("value:Q", title=legend_title, scale=alt.Scale(
                type="quantize", domain=[low, high], range=theme.SEQUENTIAL, nice=False, zero=False),
                legend=alt.Legend(format=fmt, orient="bottom", direction="vertical", symbolType="square")),
            tooltip=[alt.Tooltip("name:N", title=check.label(name, labels, "name", optional=True) or " "),
                     alt.Tooltip("value:Q", title=legend_title, format=fmt)],
        ))
    if len(values) < len(data):
        missing = base.transform_filter("datum.value === null")
        layers.append(missing.mark_rect(stroke=theme.NO_DATA_HATCH, strokeWidth=1, strokeDash=[3, 2]).encode(
            x=x, x2="x1:Q", y=y, y2="y1:Q", description="desc:N",
            fill=alt.Fill("value_text:N", title=None, scale=alt.Scale(domain=[no_data], range=[theme.NO_DATA_FILL]),
                          legend=alt.Legend(orient="bottom", symbolType="square", symbolStrokeColor=theme.NO_DATA_HATCH)),
            tooltip=[alt.Tooltip("name:N", title=check.label(name, labels, "name", optional=True) or " "),
                     alt.Tooltip("value_text:N", title=legend_title)],
        ))
        # Hatching: parallel diagonals in two corners of each missing tile, the middle left clear for
        # the label.
        hatch = missing.transform_calculate(xa="datum.x0 + 0.25", ya="datum.y0 + 0.25",
                                            xb="datum.x0 + 0.75", yb="datum.y0 + 0.75")
        for (ax, ay, bx, by) in (("x0", "ya", "xa", "y0"), ("x0", "ym", "xm", "y0"),
                                 ("xm", "y1", "x1", "ym"), ("xb", "y1", "x1", "yb")):
            layers.append(hatch.mark_rule(color=theme.NO_DATA_HATCH, strokeWidth=1, aria=False).encode(
                x=alt.X(f"{ax}:Q", axis=None, scale=alt.Scale(domain=[0, cols], nice=False, zero=False)),
                y=alt.Y(f"{ay}:Q", axis=None, scale=alt.Scale(domain=[0, lines], nice=False, zero=False, reverse=True)),
                x2=f"{bx}:Q", y2=f"{by}:Q"))
    tile_width = max(TILE_WIDTH, min(TILE_MAX_WIDTH, PHONE_PLOT_WIDTH // cols))
    layers.append(base.mark_text(fontSize=9, baseline="middle", align="center", limit=tile_width - 4, lineBreak="\n",
                                         aria=False).encode(
        x=alt.X("xm:Q", axis=None, scale=alt.Scale(domain=[0, cols], nice=False, zero=False)),
        y=alt.Y("ym:Q", axis=None, scale=alt.Scale(domain=[0, lines], nice=False, zero=False, reverse=True)),
        text="label:N",
        color=alt.condition(white_test, alt.value(theme.WHITE), alt.value(theme.TEXT)),
    ))
    chart = alt.layer(*layers).resolve_scale(color="independent", fill="independent").properties(
        width=cols * tile_width, height=lines * TILE_HEIGHT)
    return _finish(chart, labels, name, fit=False)


# --- a sparkline -----------------------------------------------------------------------------------

def sparkline(rows: list[dict], lang: str, *, description: str | None = None, decimals: int | None = None):
    """A tiny line of values over time with a dot on the latest; no axes and no numbers (the page prints
    the figure), so ``decimals`` is accepted for a uniform call and not used."""
    name = "sparkline"
    check.check_lang(name, lang)
    check.require_fields(name, rows, ("end_date", "value"))
    data = sorted(({"end_date": check.iso_date(name, i, "end_date", r["end_date"]),
                    "value": check.number(name, i, "value", r["value"])} for i, r in enumerate(rows)),
                  key=lambda r: (r["end_date"], r["value"]))
    if not data:
        raise check.ChartInputError("sparkline chart: no rows to draw")
    data[-1]["last"] = True
    for r in data[:-1]:
        r["last"] = False
    base = alt.Chart(alt.Data(values=data)).encode(
        x=alt.X("end_date:T", axis=None), y=alt.Y("value:Q", axis=None, scale=alt.Scale(zero=False)))
    chart = alt.layer(
        base.mark_line(color=theme.BLUE, strokeWidth=1.5, aria=False),
        base.transform_filter("datum.last").mark_circle(color=theme.BLUE, size=18, opacity=1, aria=False),
    ).properties(width=SPARK_WIDTH, height=SPARK_HEIGHT, padding=2)
    labels = {"description": description} if description else {}
    return _finish(chart, labels, name, fit=False).configure_view(stroke=None)
