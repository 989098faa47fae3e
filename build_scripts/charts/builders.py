"""Pure chart builders: rows in, Vega-Lite spec (a dict, built with Altair) out, no I/O. Words come in
``labels`` (already translated); numbers are formatted by d3 format strings that the page's locale turns into
1.234,5 (vi) or 1,234.5 (en).

Every builder sorts its rows, so the same rows in any order give the same spec."""

from __future__ import annotations

import json

import altair as alt

from . import rows as check
from . import theme
from .locale import number_format
from .spec import PERIOD_FILTER, finish, period_param, rows_chart

AXIS_FORMAT = ",~f"  # grouped thousands, no trailing zeros: 72.500 / 72,500 and 2,5 / 2.5
KINDS = ("outcome", "derived", "target")
SERIES_HEIGHT = 260
SERIES_PADDING = 18  # pixels left and right of the first and last periods, so their points are not cut
TARGET_SHIFT = 9     # pixels a target moves right of an outcome of the same period
RANKING_STEP = 20


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
    # Periods sit on a time scale at their end dates, so a gap in the years shows as a gap (2012 then 2017
    # is not drawn as two consecutive years); each tick is a period of the chart, written as the page
    # writes it ("2024", "9 tháng đầu năm 2025"). Dates are UTC: no reader's time zone moves a period.
    ticks: dict[str, str] = {}
    for r in data:
        ticks.setdefault(r["end_date"], r["period_label"])
    present = [k for k in KINDS if any(r["kind"] == k for r in data)]
    domain = [series_names[k] for k in present]
    style = {"outcome": (theme.BLUE, theme.BLUE, "circle"), "derived": (theme.WHITE, theme.BLUE, "circle"),
             "target": (theme.VERMILLION, theme.VERMILLION, "diamond")}
    legend = alt.Legend(title=check.label(name, labels, "legend_title", optional=True), symbolStrokeWidth=2,
                        direction="vertical")  # one entry a line: long Vietnamese labels fit a phone

    base = rows_chart().transform_calculate(
        desc=f"datum.period_label + ' · ' + datum.series + ': ' + format(datum.value, {json.dumps(fmt)})",
    ).encode(
        x=alt.X("end_date:T", title=None, scale=alt.Scale(type="utc", padding=SERIES_PADDING, nice=False),
                axis=alt.Axis(values=[_utc_date(d) for d in sorted(ticks)], labelExpr=_tick_labels(ticks),
                              labelAngle=0, labelLimit=90, labelOverlap="greedy", grid=False)),
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
    return finish(chart, data, labels, name)


def _utc_date(iso: str) -> alt.DateTime:
    year, month, day = (int(part) for part in iso.split("-"))
    return alt.DateTime(year=year, month=month, date=day, utc=True)


def _tick_labels(ticks: dict[str, str]) -> str:
    """A Vega expression writing each tick (a period's end date) as the period's label."""
    table = json.dumps(dict(sorted(ticks.items())), ensure_ascii=False, sort_keys=True)
    return f"{table}[utcFormat(datum.value, '%Y-%m-%d')] || ''"


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
    data = _ranking_rows(name, rows, with_period=False)
    x_title = check.label(name, labels, "x_title")
    fmt = number_format(decimals)
    y_scale = alt.Scale(domain=[r["name"] for r in data])
    # A height in pixels, not a step: Vega-Lite 6.4 warns about a step height under autosize fit-x.
    return _ranking(name, data, labels, x_title, fmt, decimals, y_scale=y_scale, y_sort=None,
                    height=max(1, len(data)) * RANKING_STEP)


def ranking_periods_chart(rows: list[dict], lang: str, labels: dict, *, decimals: int = 1):
    """The ranking of every period in one spec, one period drawn at a time: a param ``period`` (its value
    the period drawn first, label ``selected``) bound to the page's own <select> (label ``select``, a CSS
    selector: Vega's binding to an existing element), and a filter ``datum.period === period``. Bars are
    ordered and the x axis scaled within the chosen period; the chart's height follows its number of bars
    (a step height). Rows: unit_id, name, value, focus, period. Labels: those of ranking_chart, plus
    select, selected and optional descriptions ({period: text}: what charts.js writes in the caption and
    the live chart's label when the period changes)."""
    name = "ranking"
    check.check_lang(name, lang)
    check.require_fields(name, rows, ("unit_id", "name", "value", "focus", "period"))
    data = _ranking_rows(name, rows, with_period=True)
    x_title = check.label(name, labels, "x_title")
    param, usermeta = period_param(name, labels, {r["period"] for r in data})
    return _ranking(name, data, labels, x_title, number_format(decimals), decimals, y_scale=alt.Undefined,
                    y_sort=alt.EncodingSortField("order", op="min", order="ascending"),
                    height={"step": RANKING_STEP}, param=param, usermeta=usermeta)




def _ranking_rows(name: str, rows: list[dict], *, with_period: bool) -> list[dict]:
    """Checked rows with a value, sorted within each period (largest first); ``order`` is a bar's place
    in its period. One name a bar within a period."""
    data = []
    for i, row in enumerate(rows):
        value = check.number(name, i, "value", row["value"], optional=True)
        if value is None:
            continue
        item = {"focus": bool(row["focus"]), "name": check.text(name, i, "name", row["name"]),
                "unit_id": check.text(name, i, "unit_id", row["unit_id"]), "value": value}
        if with_period:
            item["period"] = check.text(name, i, "period", row["period"])
        data.append(item)
    if not data:
        raise check.ChartInputError("ranking chart: no row has a value to draw")
    data.sort(key=lambda r: (r.get("period", ""), -r["value"], r["name"], r["unit_id"]))
    seen: dict[tuple[str, str], str] = {}
    place: dict[str, int] = {}
    for r in data:
        key = (r.get("period", ""), r["name"])
        if key in seen:
            where = f" in period {key[0]!r}" if with_period else ""
            raise check.ChartInputError(
                f"ranking chart: units {seen[key]!r} and {r['unit_id']!r} share the name {r['name']!r}{where}; "
                "a ranking needs one name a bar")
        seen[key] = r["unit_id"]
        if with_period:
            place[key[0]] = r["order"] = place.get(key[0], 0) + 1
    return data


def _ranking(name: str, data: list[dict], labels: dict, x_title: str, fmt: str, decimals: int, *,
             y_scale, y_sort, height, param=None, usermeta=None):
    focus_names = list(dict.fromkeys(r["name"] for r in data if r["focus"]))
    is_focus = " || ".join(f"datum.value === {json.dumps(n, ensure_ascii=False)}" for n in focus_names) or "false"
    base = rows_chart()
    if param is not None:
        base = base.transform_filter(PERIOD_FILTER)
    base = base.transform_calculate(
        desc=f"datum.name + ': ' + format(datum.value, {json.dumps(fmt)})",
        label_x="max(datum.value, 0)",  # values are written right of the bar, or of zero for a negative bar
    ).encode(
        y=alt.Y("name:N", title=None, scale=y_scale, sort=y_sort if y_sort is not None else alt.Undefined,
                axis=alt.Axis(labelLimit=0, labelFontWeight={  # a province's name is never cut: the axis widens
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
    # Room on the right for the longest value label (written right of its bar, past the plot), so
    # that it is never cut off: about 7 px a character at 11 px, bold included.
    longest = max((len(f"{abs(r['value']):,.{decimals}f}") + (r["value"] < 0) for r in data), default=0)
    chart = alt.layer(bars, values)
    if param is not None:
        chart = chart.add_params(param)
    chart = chart.properties(height=height, padding={"bottom": 5, "left": 5, "right": 8 + 7 * longest, "top": 5})
    return finish(chart, data, labels, name, usermeta=usermeta)
