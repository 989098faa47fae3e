"""Sparklines as plain SVG (build_scripts/charts/sparkline.py): what a reader sees (a line, dashes where the
figures are sums of the former provinces, a dot on the latest figure), the same bytes for the same rows, a
sentence for a bad row, and the same drawing as the Vega-Lite sparkline it replaces."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET

import pytest

from build_scripts.charts import sparkline
from build_scripts.charts.rows import ChartInputError

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [
    {"end_date": "2021-12-31", "value": 100.0, "kind": "derived"},
    {"end_date": "2022-12-31", "value": 120.0, "kind": "derived"},
    {"end_date": "2023-12-31", "value": 110.0, "kind": "outcome"},
    {"end_date": "2024-12-31", "value": 150.0, "kind": "outcome"},
]


def _tree(text: str) -> ET.Element:
    return ET.fromstring(text)


def _paths(root: ET.Element) -> list[ET.Element]:
    return root.findall(f".//{SVG}path")


def _points(d: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"[ML](-?[\d.]+),(-?[\d.]+)", d)]


def test_the_svg_parses_and_has_the_size_of_a_table_cell_image():
    root = _tree(sparkline.svg(ROWS))
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == ("124", "36", "0 0 124 36")
    assert sparkline.size() == {"width": 124, "height": 36}
    assert root.find(f".//{SVG}g").get("transform") == "translate(2,2)"  # padding 2 around 120 x 32


def test_the_dot_is_on_the_latest_figure_at_the_top_right_when_it_is_the_largest():
    root = _tree(sparkline.svg(ROWS))
    (dot,) = root.findall(f".//{SVG}circle")
    assert (float(dot.get("cx")), float(dot.get("cy"))) == (120.0, 0.0)
    assert dot.get("fill") == "#0072B2"
    lower = [dict(r) for r in ROWS]
    lower[-1]["value"] = 100.0  # now the latest is the smallest: the dot sits at the bottom right
    (dot,) = _tree(sparkline.svg(lower)).findall(f".//{SVG}circle")
    assert (float(dot.get("cx")), float(dot.get("cy"))) == (120.0, 32.0)


def test_derived_figures_are_a_dashed_stretch_joined_to_the_first_published_figure():
    paths = _paths(_tree(sparkline.svg(ROWS)))
    dashed = [p for p in paths if p.get("stroke-dasharray")]
    solid = [p for p in paths if not p.get("stroke-dasharray")]
    assert len(dashed) == 1 and len(solid) == 1
    assert dashed[0].get("stroke-dasharray") == "3,2"
    assert _points(dashed[0].get("d"))[-1] == _points(solid[0].get("d"))[0]  # no gap where the dashes end
    assert len(_points(dashed[0].get("d"))) == 3 and len(_points(solid[0].get("d"))) == 2
    published = _tree(sparkline.svg([dict(r, kind="outcome") for r in ROWS]))
    assert [p.get("stroke-dasharray") for p in _paths(published)] == [None]
    assert _tree(sparkline.svg([{k: v for k, v in r.items() if k != "kind"} for r in ROWS])) is not None


def test_the_line_is_blue_one_and_a_half_pixels_and_time_runs_by_end_date():
    text = sparkline.svg([{"end_date": "2020-12-31", "value": 1}, {"end_date": "2021-06-30", "value": 2},
                          {"end_date": "2024-12-31", "value": 3}])
    group = _tree(text).findall(f".//{SVG}g")[1]
    assert (group.get("stroke"), group.get("stroke-width"), group.get("fill")) == ("#0072B2", "1.5", "none")
    xs = [x for x, _ in _points(_paths(_tree(text))[0].get("d"))]
    assert xs == [0.0, 14.87, 120.0]  # 181 of 1,461 days: by date, not one step a row


def test_the_same_rows_in_any_order_give_the_same_bytes():
    rows = ROWS + [{"end_date": "2020-12-31", "value": 90, "kind": "derived"}]
    expected = sparkline.svg(rows)
    shuffled = list(rows)
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert sparkline.svg(shuffled) == expected


def test_a_description_makes_an_image_with_a_name_and_no_description_leaves_it_to_the_page():
    text = sparkline.svg(ROWS, description="Tổng sản phẩm <GRDP> & \"năm\"")
    root = _tree(text)
    assert root.get("role") == "img"
    assert root.get("aria-label") == 'Tổng sản phẩm <GRDP> & "năm"'
    assert root.find(f"{SVG}title").text == 'Tổng sản phẩm <GRDP> & "năm"'
    decomposed = sparkline.svg(ROWS, description="Bắc Ninh".replace("ắ", "a\u0306\u0301"))
    assert "Bắc Ninh" in decomposed  # NFC
    plain = _tree(sparkline.svg(ROWS))
    assert plain.get("role") is None and plain.find(f"{SVG}title") is None
    assert ' id="' not in text  # nothing two sparklines on one page could share


@pytest.mark.parametrize("rows, message", [
    ([{"end_date": "2024-12-31", "value": 1}, {"end_date": "2024-13-01", "value": 2}],
     r"sparkline chart, row 2, field 'end_date': '2024-13-01' is not an ISO date"),
    ([{"end_date": "2024-12-31", "value": 1}, {"end_date": "2023-12-31", "value": "12"}],
     r"sparkline chart, row 2, field 'value': '12' is not a finite number"),
    ([{"end_date": "2024-12-31", "value": float("nan")}], r"sparkline chart, row 1, field 'value': nan is not a finite number"),
    ([{"value": 1}], r"sparkline chart, row 1, field 'end_date': missing"),
    ([{"end_date": "2024-12-31", "value": 1, "kind": "target"}], r"sparkline chart, row 1, field 'kind': 'target' is not one of"),
    ([], r"sparkline chart: no rows to draw"),
    ("2024", r"sparkline chart: rows must be a list"),
])
def test_a_bad_row_is_a_sentence_naming_the_row_and_the_field(rows, message):
    with pytest.raises(ChartInputError, match=message):
        sparkline.svg(rows)


def test_one_value_or_one_date_is_drawn_in_the_middle():
    flat = _tree(sparkline.svg([{"end_date": "2023-12-31", "value": 5}, {"end_date": "2024-12-31", "value": 5}]))
    assert _points(_paths(flat)[0].get("d")) == [(0.0, 16.0), (120.0, 16.0)]
    same_day = _tree(sparkline.svg([{"end_date": "2024-12-31", "value": 1}, {"end_date": "2024-12-31", "value": 3}]))
    assert {x for x, _ in _points(_paths(same_day)[0].get("d"))} == {60.0}


# Where vl-convert 1.9 drew the Altair sparkline (builders.sparkline, before this module replaced it): the
# lines' points and the dot, for rows with and without derived figures, dates mid-year and year-end, values
# small, negative and in millions (y made "nice" as Vega-Lite does, x by date).
VEGA_DRAWN = [
    ([("1996-06-30", 33.4, "outcome"), ("1999-06-30", 90.52, "outcome"), ("2007-06-30", -1.06, "outcome"),
      ("2015-12-31", 38.91, "outcome"), ("2025-06-30", 4.52, "outcome")],
     ["M0,19.375L12.406,2.758L45.51,29.399L80.699,17.772L120,27.776"], (120.0, 27.776)),
    ([("1996-12-31", 0.21, "derived"), ("1998-06-30", -0.11, "outcome"), ("2002-06-30", 25.41, "outcome"),
      ("2013-06-30", 51.77, "outcome"), ("2015-12-31", 53.83, "outcome"), ("2021-06-30", 5.82, "outcome")],
     ["M0,29.221L7.323,29.392", "M7.323,29.392L26.919,15.781L80.809,1.723L93.068,0.624L120,26.229"], (120.0, 26.229)),
    ([("1997-06-30", 47.12, "derived"), ("1998-12-31", 76.61, "derived"), ("2001-12-31", 56.48, "derived"),
      ("2006-12-31", 32.97, "outcome"), ("2012-06-30", 78.41, "outcome"), ("2015-06-30", 3.59, "outcome"),
      ("2017-12-31", 50.15, "outcome")],
     ["M0,13.152L8.797,1.356L26.359,9.408L55.618,18.812", "M55.618,18.812L87.793,0.636L105.338,30.564L120,11.94"],
     (120.0, 11.94)),
    ([("2009-06-30", 94.19, "derived"), ("2010-12-31", 68.19, "derived"), ("2013-06-30", 1.37, "outcome"),
      ("2014-12-31", 62.95, "outcome"), ("2020-12-31", 24.88, "outcome")],
     ["M0,1.859L15.678,10.179L41.723,31.562", "M41.723,31.562L57.401,11.856L120,24.038"], (120.0, 24.038)),
    ([("1995-06-30", 0.47, "derived"), ("2006-06-30", 0.76, "derived"), ("2009-06-30", 0.73, "derived"),
      ("2016-12-31", 0.36, "outcome"), ("2023-12-31", 0.03, "outcome"), ("2025-12-31", 0.37, "outcome")],
     ["M0,13.2L43.274,1.6L55.078,2.8L84.599,17.6", "M84.599,17.6L112.127,30.8L120,17.2"], (120.0, 17.2)),
    ([("2016-12-31", 271346.25, "outcome"), ("2018-12-31", -12500.5, "outcome"), ("2021-06-30", 1830000, "outcome"),
      ("2024-12-31", 1234567.8, "outcome")],
     ["M0,25.144L29.979,29.273L67.433,2.473L120,11.134"], (120.0, 11.134)),
]


@pytest.mark.parametrize("rows, lines, dot", VEGA_DRAWN)
def test_the_drawing_is_the_vega_lite_sparkline_it_replaces(rows, lines, dot):
    """Every point of every line, and the dot, where Vega-Lite drew them (within 0.01 px: two decimals here)."""
    root = _tree(sparkline.svg([{"end_date": d, "value": v, "kind": k} for d, v, k in rows]))
    ours = [_points(p.get("d")) for p in _paths(root)]
    assert len(ours) == len(lines)
    for expected, got in zip((_points(d) for d in lines), ours):
        assert len(got) == len(expected)
        assert all(abs(a - c) <= 0.011 and abs(b - d) <= 0.011 for (a, b), (c, d) in zip(expected, got)), (expected, got)
    circle = root.find(f".//{SVG}circle")
    assert abs(float(circle.get("cx")) - dot[0]) <= 0.011 and abs(float(circle.get("cy")) - dot[1]) <= 0.011


def test_a_page_gets_one_file_for_both_languages_and_an_image_with_its_size(tmp_path):
    from build_scripts.pages import chart_block

    vi = chart_block.sparkline(ROWS, "vi", tmp_path, "spark-grdp", "Xu hướng GRDP", "provinces/bac-ninh")
    en = chart_block.sparkline(ROWS, "en", tmp_path, "spark-grdp", "GRDP trend", "provinces/bac-ninh")
    assert [p.name for p in (tmp_path / "sparklines").iterdir()] == ["spark-grdp.svg"]
    assert (tmp_path / "sparklines" / "spark-grdp.svg").read_text(encoding="utf-8") == sparkline.svg(ROWS)
    assert str(vi) == ('<img class="bn-sparkline" src="sparklines/spark-grdp.svg" alt="Xu hướng GRDP" width="124" '
                       'height="36" loading="lazy">')
    assert 'src="../../../provinces/bac-ninh/sparklines/spark-grdp.svg" alt="GRDP trend"' in str(en)
    assert str(chart_block.sparkline(ROWS[:1], "vi", tmp_path, "one", "x")) == ""  # one figure: no line to draw
