"""What every chart builder shares: a chart of the builder's rows, the period param bound to the page's
<select>, and ``finish``, which makes the Vega-Lite spec with its rows, title, description and the theme."""

from __future__ import annotations

import altair as alt

from . import rows as check
from . import theme

ROWS = "rows"  # the name of a chart's rows while Altair builds it (rows_chart, finish)
PERIOD_PARAM = "period"
PERIOD_FILTER = f"datum.period === {PERIOD_PARAM}"


def fit_width() -> dict:
    return {"autosize": {"contains": "padding", "resize": True, "type": "fit-x"}}


def rows_chart() -> alt.Chart:
    """An Altair chart of the builder's rows, named only: finish() puts the rows into the spec. Altair
    copies a chart's data at every method call and hashes it in to_dict; the rows never pass through it."""
    return alt.Chart(alt.NamedData(name=ROWS))


def finish(chart: alt.TopLevelMixin, values: list[dict], labels: dict, chart_name: str, *, fit: bool = True,
           usermeta: dict | None = None) -> dict:
    """The Vega-Lite spec: the chart with its rows (``values``) inline, its title, description (read out as
    the SVG's aria-label), kind (and any other usermeta: what charts.js reads) and the shared configuration."""
    props = {"usermeta": {**(usermeta or {}), "kind": chart_name.replace(" ", "_")}}
    title = check.label(chart_name, labels, "title", optional=True)
    description = check.label(chart_name, labels, "description", optional=True) or title
    if title:
        props["title"] = alt.TitleParams(text=title)
    if description:
        props["description"] = description
    if fit:
        props.update(width="container", **fit_width())
    config = theme.config()
    # One .properties and one .configure: each Altair call copies the whole chart.
    spec = chart.properties(**props).configure(
        **{k: config[k] for k in ("background", "font", "axis", "legend", "title", "view", "text") if k in config}
    ).to_dict(validate=False)  # tests/test_charts.py validates every spec against the schema
    if spec.get("data") != {"name": ROWS}:
        raise check.ChartInputError(f"{chart_name} chart: its layers must all draw the rows of rows_chart()")
    spec["data"] = {"values": values}
    return spec


def period_param(chart: str, labels: dict, periods: set[str]):
    """The param ``period`` bound to the page's <select>, and the usermeta charts.js reads (the selector,
    and each period's description)."""
    select = check.label(chart, labels, "select")
    selected = check.label(chart, labels, "selected")
    if selected not in periods:
        raise check.ChartInputError(f"{chart} chart: label 'selected' {selected!r} is not a period of the rows "
                                    f"({', '.join(sorted(periods))})")
    descriptions = labels.get("descriptions") or {}
    if not isinstance(descriptions, dict) or not all(isinstance(v, str) and v.strip() for v in descriptions.values()):
        raise check.ChartInputError(f"{chart} chart: label 'descriptions' must map each period to a text")
    usermeta = {"period_select": select,
                "period_descriptions": {k: descriptions[k] for k in sorted(descriptions) if k in periods}}
    return alt.param(name=PERIOD_PARAM, value=selected, bind=alt.BindDirect(element=select)), usermeta
