"""Charts: what a reader or the site engineer checks in the files a chart writes (spec, data, SVG, HTML)."""

from __future__ import annotations

import json
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import altair
import jsonschema
import pytest

from build_scripts.charts import assets, builders, locale, render, theme, tilemap, vendor
from build_scripts.charts.rows import ChartInputError

VI = {"title": "Tổng sản phẩm trên địa bàn", "y_title": "Tỷ đồng", "x_title": "Tỷ đồng", "legend": "Tỷ đồng",
      "outcome": "Số liệu công bố", "derived": "Cộng từ các tỉnh cũ", "target": "Kế hoạch",
      "no_data": "không có số liệu", "period": "Kỳ", "name": "Tỉnh, thành phố", "legend_title": "Loại số liệu"}
EN = {"title": "Gross regional domestic product", "y_title": "VND billion", "x_title": "VND billion",
      "legend": "VND billion", "outcome": "Published", "derived": "Sum of former provinces", "target": "Target",
      "no_data": "no data", "period": "Period", "name": "Province", "legend_title": "Kind of figure"}

SERIES = [
    {"period": "2021", "period_label": "2021", "end_date": "2021-12-31", "value": 216000.5, "status": "actual", "kind": "derived"},
    {"period": "2022", "period_label": "2022", "end_date": "2022-12-31", "value": 234567.8, "status": "actual", "kind": "derived"},
    {"period": "2023", "period_label": "2023", "end_date": "2023-12-31", "value": 251234.5, "status": "actual", "kind": "outcome"},
    {"period": "2024", "period_label": "2024", "end_date": "2024-12-31", "value": 271346.25, "status": "estimate", "kind": "outcome"},
    {"period": "2024", "period_label": "2024", "end_date": "2024-12-31", "value": 265000, "status": "plan", "kind": "target"},
    {"period": "2025", "period_label": "2025", "end_date": "2025-12-31", "value": 300000, "status": "plan", "kind": "target"},
]
RANKING = [
    {"unit_id": "ha-noi", "name": "Hà Nội", "value": 1234.5, "focus": False},
    {"unit_id": "bac-ninh", "name": "Bắc Ninh", "value": 987.25, "focus": True},
    {"unit_id": "hue", "name": "Huế", "value": -12.5, "focus": False},
    {"unit_id": "lai-chau", "name": "Lai Châu", "value": None, "focus": False},
    {"unit_id": "ho-chi-minh", "name": "Hồ Chí Minh", "value": 1500.75, "focus": False},
]


def tiles(missing=(3, 10, 17), zero=0):
    rows = []
    for i in range(34):
        value = None if i in missing else (0 if i == zero else round(i * 123.4, 1))
        rows.append({"unit_id": f"tinh-{i:02d}", "name": f"Tỉnh {i}", "tile_row": i // 6, "tile_col": i % 6, "value": value})
    return rows




def all_charts(lang="vi"):
    labels = VI if lang == "vi" else EN
    return {
        "series": builders.series_chart(SERIES, lang, labels),
        "ranking": builders.ranking_chart(RANKING, lang, labels),
        "tiles": tilemap.tile_map(tiles(), lang, labels),
    }


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("charts")
    return {name: render.write_chart(chart, out, name, "vi") for name, chart in all_charts("vi").items()}


def svg_texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def marks_with_label(svg: str, label_part: str) -> list[str]:
    return [m for m in re.findall(r"<path [^>]*>", svg) if label_part in m]


# --- spec, data --------------------------------------------------------------------------------------

def test_specs_validate_against_the_vega_lite_schema_altair_ships(written):
    schema_path = Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    for name, files in written.items():
        spec = json.loads(files.spec.read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(spec)]
        assert errors == [], f"{name}: {errors[:3]}"
        assert spec["$schema"].endswith(f"{altair.SCHEMA_VERSION}.json")


def _key_paths(node, key: str, path: tuple = ()) -> list[tuple]:
    """Where ``key`` occurs in a spec, as key paths (list indices left out)."""
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                found.append(path + (k,))
            found += _key_paths(v, key, path + (k,))
    elif isinstance(node, list):
        for item in node:
            found += _key_paths(item, key, path)
    return found


def test_data_is_in_its_own_file_referenced_by_a_relative_url(written):
    for name, files in written.items():
        text = files.spec.read_text(encoding="utf-8")
        spec = json.loads(text)
        assert spec["data"] == {"format": {"type": "json"}, "url": f"{name}.data.json"}
        assert '"datasets"' not in text and all("data" not in layer for layer in spec.get("layer", []))
        assert [path for path in _key_paths(spec, "values") if path[-2:] != ("axis", "values")] == []  # ticks only, no rows
        rows = json.loads(files.data.read_text(encoding="utf-8"))
        assert isinstance(rows, list) and rows
    ranking = json.loads(written["ranking"].data.read_text(encoding="utf-8"))
    assert [r["name"] for r in ranking] == ["Hồ Chí Minh", "Hà Nội", "Bắc Ninh", "Huế"]  # sorted, no-value row left out


def test_every_spec_has_a_description_and_the_svg_carries_it(written):
    for name, files in written.items():
        spec = json.loads(files.spec.read_text(encoding="utf-8"))
        assert spec["description"], name
        svg = files.svg.read_text(encoding="utf-8")
        assert f"<title>{spec['description']}</title>" in svg
    assert json.loads(written["series"].spec.read_text())["description"] == VI["title"]


def test_charts_fit_a_360_pixel_phone(written):
    for name in ("series", "ranking"):
        spec = json.loads(written[name].spec.read_text(encoding="utf-8"))
        assert spec["width"] == "container" and spec["autosize"]["type"] == "fit-x"
    assert written["tiles"].width <= 360  # 6 columns of tiles, legend below


# --- numbers in the page's language -----------------------------------------------------------------

@pytest.mark.parametrize("lang, expected, wrong", [("vi", "1.234,5", "1,234.5"), ("en", "1,234.5", "1.234,5")])
def test_numbers_in_the_svg_follow_the_language(tmp_path, lang, expected, wrong):
    labels = VI if lang == "vi" else EN
    files = render.write_chart(builders.ranking_chart(RANKING, lang, labels), tmp_path, "ranking", lang)
    texts = svg_texts(files.svg.read_text(encoding="utf-8"))
    assert expected in texts            # the value label beside Hà Nội's bar
    assert wrong not in texts
    assert "-12,5" in texts if lang == "vi" else "-12.5" in texts
    assert ("1.000" if lang == "vi" else "1,000") in texts  # an axis tick, grouped thousands


def test_locales_come_from_babel():
    vi, en = locale.format_locale("vi"), locale.format_locale("en")
    assert (vi["decimal"], vi["thousands"]) == (",", ".")
    assert (en["decimal"], en["thousands"]) == (".", ",")
    assert locale.time_format_locale("vi")["months"][0] == "tháng 1"
    assert locale.time_format_locale("en")["shortDays"][0] == "Sun"
    with pytest.raises(ValueError, match="'xx-nowhere'"):
        locale.format_locale("xx-nowhere")


# --- what each chart shows ---------------------------------------------------------------------------

def test_tile_map_never_colours_a_missing_province_as_zero(tmp_path):
    files = render.write_chart(tilemap.tile_map(tiles(), "vi", VI), tmp_path, "tiles", "vi")
    svg = files.svg.read_text(encoding="utf-8")
    zero = marks_with_label(svg, 'aria-label="Tỉnh 0: 0,0"')
    assert len(zero) == 1 and f'fill="{theme.SEQUENTIAL[0]}"' in zero[0]
    for i in (3, 10, 17):
        tile = marks_with_label(svg, f'aria-label="Tỉnh {i}: không có số liệu"')
        assert len(tile) == 1, i
        assert f'fill="{theme.NO_DATA_FILL}"' in tile[0] and "stroke-dasharray" in tile[0]
    assert theme.NO_DATA_FILL not in theme.SEQUENTIAL
    assert svg.count(f'fill="{theme.NO_DATA_FILL}"') == 3 + 1  # three tiles and the legend swatch
    assert "không có số liệu" in svg_texts(svg)                  # the legend entry
    rows = json.loads(files.data.read_text(encoding="utf-8"))
    assert [r["value"] for r in rows if r["unit_id"] == "tinh-03"] == [None]


def test_tile_map_in_english_labels_missing_as_no_data(tmp_path):
    files = render.write_chart(tilemap.tile_map(tiles(), "en", EN), tmp_path, "tiles", "en")
    svg = files.svg.read_text(encoding="utf-8")
    assert "no data" in svg_texts(svg)
    assert marks_with_label(svg, 'aria-label="Tỉnh 3: no data"')


def test_tile_labels_keep_their_contrast_on_every_class(tmp_path):
    files = render.write_chart(tilemap.tile_map(tiles(missing=()), "vi", VI), tmp_path, "tiles", "vi")
    svg = files.svg.read_text(encoding="utf-8")
    fills = {}
    for path in re.findall(r"<path [^>]*>", svg):
        label = re.search(r'aria-label="(Tỉnh \d+): ', path)
        fill = re.search(r'fill="(#[0-9A-Fa-f]{6})"', path)
        if label and fill and fill.group(1) in theme.SEQUENTIAL:
            fills[label.group(1)] = fill.group(1)
    colours = {name: colour for colour, name in re.findall(r'<text [^>]*fill="(#[0-9A-Fa-f]{6})"[^>]*>(Tỉnh \d+)</text>', svg)}
    assert len(fills) == 34 and len(colours) == 34
    assert len(set(fills.values())) == len(theme.SEQUENTIAL)  # all five classes are used
    for name, fill in fills.items():
        assert theme.contrast_ratio(fill, colours[name]) >= 4.5, (name, fill, colours[name])


def _points(svg: str, label_part: str) -> set[tuple[float, float]]:
    found = re.findall(r'<path aria-label="([^"]*)"[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"', svg)
    return {(round(float(x), 1), round(float(y), 1)) for label, x, y in found if label_part in label}


def _vertices(d: str) -> list[tuple[float, float]]:
    return [(round(float(x), 1), round(float(y), 1)) for x, y in re.findall(r"[ML]([-\d.]+),([-\d.]+)", d)]


def test_targets_are_a_separate_series(tmp_path):
    files = render.write_chart(builders.series_chart(SERIES, "vi", VI), tmp_path, "series", "vi")
    svg = files.svg.read_text(encoding="utf-8")
    targets, derived = _points(svg, "· Kế hoạch: "), _points(svg, "· Cộng từ các tỉnh cũ: ")
    published = _points(svg, "· Số liệu công bố: ")
    assert (len(targets), len(derived), len(published)) == (2, 2, 2)
    lines = re.findall(r'<path d="(M[^"]*)" stroke="#0072B2" stroke-width="2"( stroke-dasharray="([\d,]+)")?', svg)
    vertices = [v for d, _, _ in lines for v in _vertices(d)]
    # The line joins the outcomes and derived figures, and no target.
    assert set(vertices) == derived | published
    assert not set(vertices) & targets
    # The 2024 target sits just right of the 2024 outcome, so neither hides the other.
    last = max(published)
    assert any(abs(x - (last[0] + builders.TARGET_SHIFT)) < 0.2 for x, _ in targets)
    # Derived figures: a dashed stretch up to the first published figure; then a solid line.
    dashed = [_vertices(d) for d, _, dash in lines if dash == "5,3"]
    assert dashed == [sorted(derived) + [min(published)]]
    marks = {m: re.search(r'fill="(#[0-9A-F]{6})"', m).group(1) for m in re.findall(r'<path aria-label="[^"]*"[^>]*>', svg)}
    assert {fill for m, fill in marks.items() if "Kế hoạch" in m} == {theme.VERMILLION}
    assert {fill for m, fill in marks.items() if "Cộng từ các tỉnh cũ" in m} == {"#FFFFFF"}  # hollow
    assert {fill for m, fill in marks.items() if "Số liệu công bố" in m} == {theme.BLUE}
    assert {"Số liệu công bố", "Cộng từ các tỉnh cũ", "Kế hoạch"} <= set(svg_texts(svg))  # legend
    spec = json.loads(files.spec.read_text(encoding="utf-8"))
    line_layer = [layer for layer in spec["layer"] if layer["mark"]["type"] == "line"][0]
    assert {"filter": "datum.run !== null"} in line_layer["transform"]
    rows = json.loads(files.data.read_text(encoding="utf-8"))
    assert all(r["run"] is None for r in rows if r["kind"] == "target")


def test_ranking_highlights_the_focus_province(written):
    svg = written["ranking"].svg.read_text(encoding="utf-8")
    bar = marks_with_label(svg, 'aria-label="Bắc Ninh: 987,3"')
    assert len(bar) == 1 and f'fill="{theme.BLUE}"' in bar[0]
    other = marks_with_label(svg, 'aria-label="Hà Nội: 1.234,5"')
    assert f'fill="{theme.OTHER}"' in other[0]
    assert re.search(r'<text [^>]*font-weight="bold"[^>]*>Bắc Ninh</text>', svg)


def test_colours_meet_contrast_on_white():
    white = "#FFFFFF"
    for text in (theme.TEXT, theme.MUTED_TEXT):
        assert theme.contrast_ratio(text, white) >= 4.5
    for mark in (theme.BLUE, theme.VERMILLION, theme.OTHER, theme.NO_DATA_HATCH):
        assert theme.contrast_ratio(mark, white) >= 3.0


# --- determinism -------------------------------------------------------------------------------------

def test_two_renders_give_identical_bytes_whatever_the_row_order(tmp_path):
    first = {n: render.write_chart(c, tmp_path / "a", n, "vi") for n, c in all_charts("vi").items()}
    shuffled = random.Random(7)
    series, ranking, tile_rows = list(SERIES), list(RANKING), tiles()
    for rows in (series, ranking, tile_rows):
        shuffled.shuffle(rows)
    again = {
        "series": builders.series_chart(series, "vi", VI), "ranking": builders.ranking_chart(ranking, "vi", VI),
        "tiles": tilemap.tile_map(tile_rows, "vi", VI),
    }
    second = {n: render.write_chart(c, tmp_path / "b", n, "vi") for n, c in again.items()}
    for name in first:
        for kind in ("spec", "data", "svg"):
            a, b = getattr(first[name], kind), getattr(second[name], kind)
            assert a.read_bytes() == b.read_bytes(), f"{name} {kind}"
    text = first["series"].spec.read_text(encoding="utf-8")
    assert text == render.dumps(json.loads(text), indent=2)  # keys sorted


# --- HTML --------------------------------------------------------------------------------------------

class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_chart_html_escapes_hostile_text(written, tmp_path):
    hostile = 'Bắc Ninh "<script>alert(1)</script>" & <img src=x onerror=alert(2)>'
    html = render.chart_html(written["ranking"], hostile, "vi", page_url_prefix="../charts/")
    assert "<script" not in html and "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
    parser = _Collect()
    parser.feed(html)
    names = [t for t, _ in parser.tags]
    assert names == ["figure", "div", "img", "figcaption"]
    attrs = dict(parser.tags)
    assert attrs["div"]["data-spec"] == "../charts/ranking.vl.json"
    assert attrs["img"]["src"] == "../charts/ranking.svg" and attrs["img"]["alt"] == hostile
    assert "".join(parser.text).strip() == hostile
    assert "\n\n" not in html  # one raw HTML block for Markdown
    # A hostile province name reaches the chart only as JSON data and SVG text, escaped.
    rows = [dict(r) for r in RANKING]
    rows[0]["name"] = "<script>alert(1)</script>"
    files = render.write_chart(builders.ranking_chart(rows, "vi", VI), tmp_path, "hostile", "vi")
    assert "<script>" not in files.svg.read_text(encoding="utf-8")


def test_chart_html_needs_a_description(written):
    with pytest.raises(ChartInputError, match="description"):
        render.chart_html(written["series"], "  ", "vi")


# --- bad input ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("build, message", [
    (lambda: builders.ranking_chart([dict(RANKING[0], value="nhiều")], "vi", VI), r"ranking chart, row 1, field 'value': 'nhiều' is not a finite number"),
    (lambda: builders.series_chart([dict(SERIES[0], kind="forecast")], "vi", VI), r"series chart, row 1, field 'kind': 'forecast' is not one of"),
    (lambda: builders.series_chart([dict(SERIES[0], end_date="31/12/2021")], "vi", VI), r"field 'end_date'"),
    (lambda: builders.series_chart(SERIES, "vi", {"y_title": "x"}), r"label 'outcome' is missing"),
    (lambda: tilemap.tile_map([dict(tiles()[0], tile_row=-1)], "vi", VI), r"tile map chart, row 1, field 'tile_row'"),
    (lambda: tilemap.tile_map(tiles()[:2] + [dict(tiles()[0], unit_id="x")], "vi", VI), r"row 3.*same tile"),
    (lambda: builders.ranking_chart(RANKING, "Tiếng Việt", VI), r"language"),
    (lambda: builders.ranking_chart([dict(RANKING[0], value=None)], "vi", VI), r"ranking chart: no row has a value"),
    (lambda: builders.series_chart([], "vi", VI), r"series chart: no rows"),
    (lambda: tilemap.tile_map("tỉnh", "vi", VI), r"tile map chart: rows must be a list"),
])
def test_bad_rows_get_a_sentence_naming_row_and_field(build, message):
    with pytest.raises(ChartInputError, match=message):
        build()


def test_bad_file_name_is_refused(tmp_path):
    with pytest.raises(ChartInputError, match="file name"):
        render.write_chart(all_charts()["ranking"], tmp_path, "../escape", "vi")


# --- browser assets ----------------------------------------------------------------------------------

def test_vendor_bundle_is_current_and_keeps_its_licence_header():
    committed = vendor.BUNDLE.read_text(encoding="utf-8")
    assert committed == vendor.bundle_text(), "run: python -m build_scripts.charts.vendor"
    assert committed.startswith("/*! @license")
    assert altair.SCHEMA_VERSION.lstrip("v") in committed  # the Vega-Lite the specs are written for
    licences = vendor.LICENCES.read_text(encoding="utf-8")
    for package in ("vega 6.2.0", "vega-lite 6.4.1", "vega-embed 7.0.2", "d3-format", "lodash.debounce"):
        assert f"\n{package}" in licences, package


def test_assets_are_copied_with_locales_for_each_language(tmp_path):
    files = assets.copy_assets(tmp_path, ["vi", "en"])
    names = {p.relative_to(tmp_path).as_posix() for p in files}
    assert {"assets/javascripts/charts.js", "assets/javascripts/vendor/vega-bundle.js",
            "assets/javascripts/vendor/vega-bundle.LICENSES.txt", "assets/stylesheets/charts.css",
            "assets/javascripts/chart-locales.json"} <= names
    assert {f"assets/{p.split('assets/', 1)[1]}" for p in assets.EXTRA_CSS + assets.EXTRA_JAVASCRIPT} <= names
    locales = json.loads((tmp_path / "assets/javascripts/chart-locales.json").read_text(encoding="utf-8"))
    assert locales["vi"]["format"]["decimal"] == "," and locales["en"]["format"]["decimal"] == "."
    js = (tmp_path / "assets/javascripts/charts.js").read_text(encoding="utf-8")
    assert "http://" not in js and "https://" not in js  # nothing from outside the site


def test_long_tile_labels_break_in_two_balanced_lines():
    assert tilemap.two_lines("Thành phố Hồ Chí Minh") == "Thành phố\nHồ Chí Minh"
    assert tilemap.two_lines("Hà Nội") == "Hà Nội"
    assert tilemap.two_lines("Thái Nguyên") == "Thái Nguyên"  # 11 characters fit one line


def test_readme_documents_every_builder_and_label():
    readme = (Path(builders.__file__).parent / "README.md").read_text(encoding="utf-8")
    for name in ("series_chart", "ranking_chart", "tile_map", "ranking_periods_chart", "tile_periods_map", "sparkline.svg", "write_chart", "chart_html", "copy_assets"):
        assert f"{name}(" in readme, name
    for label in ("y_title", "outcome", "derived", "target", "x_title", "legend", "no_data"):
        assert f"`{label}`" in readme, label


def test_figure_passes_through_markdown_unchanged(written):
    import markdown

    html = render.chart_html(written["ranking"], "Xếp hạng <các tỉnh> & thành phố", "vi")
    page = markdown.markdown(f"Trước.\n\n{html}\nSau.\n", extensions=["tables", "attr_list", "md_in_html"])
    assert html.strip() in page


def test_tile_map_outlines_the_focus_province(tmp_path):
    rows = tiles()
    rows[7]["focus"] = True
    svg = render.write_chart(tilemap.tile_map(rows, "vi", VI), tmp_path, "tiles", "vi").svg.read_text(encoding="utf-8")
    outlines = re.findall(rf'<path [^>]*stroke="{theme.TEXT}" stroke-width="2.5"[^>]*>', svg)
    assert len(outlines) == 1
    assert re.search(r'<text [^>]*font-weight="bold"[^>]*>Tỉnh 7</text>', svg)
    assert not re.search(r'<text [^>]*font-weight="bold"[^>]*>Tỉnh 8</text>', svg)
