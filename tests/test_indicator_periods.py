"""The indicator page's comparison for a chosen period: the rankable periods (queries/ranking_periods.sql), one
ranking spec and one tile map spec holding every period and following the page's <select> (a param bound to
it), what the page says and lists, and the series chart's time axis.

Specs are rendered with vl-convert with the param set to another period, as the browser does when the reader
picks it; the browser itself is tested in tests/browser/test_period_selector.py.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from build_scripts import db, settings
from build_scripts.charts import builders, render, theme, tilemap
from build_scripts.charts.rows import ChartInputError

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
REAL = Path(__file__).resolve().parent.parent / "datapackage"
FOCUS = ["bac-ninh", "bac-ninh-pre2025"]

# Added to the mini package: a third province on the map, and a first half of 2025 ranked apart from the
# first nine months (the latest); Hải Phòng leads the half year and has no figure for the nine months.
EXTRA_UNITS = "hai-phong,Hải Phòng,Hai Phong,municipality,post-2025,dong-bang-song-hong,31,Hồng Bàng ward,2025-07-01,,2,1,src-0000000003,\n"
EXTRA_OBSERVATIONS = (  # the first half of 2025 ended before the new provinces existed: publishers' back-casts
    # unit, indicator, period, status, source, value, qualifier, note, note_vi, backcast, producer
    "bac-ninh,grdp_growth,2025-H1,estimate,src-0000000001,10.1,,,,true,\n"
    "ha-noi,grdp_growth,2025-H1,estimate,src-0000000002,7.1,,,,true,\n"
    "ha-noi,grdp_growth,2025-H1,estimate,src-0000000004,6.9,,other source of a period not ranked on the page,"
    "nguồn khác của một kỳ không xếp hạng trên trang,true,\n"
    "ha-noi,grdp_growth,2025-9M,estimate,src-0000000004,7.7,,other source of the latest ranking,"
    "nguồn khác của bảng xếp hạng mới nhất,,\n"
    "hai-phong,grdp_growth,2025-H1,estimate,src-0000000002,11.3,,,,true,\n"
)


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("periods") / "package"
    shutil.copytree(FIXTURE, out)
    with (out / "data" / "units.csv").open("a", encoding="utf-8") as f:
        f.write(EXTRA_UNITS)
    with (out / "data" / "observations.csv").open("a", encoding="utf-8") as f:
        f.write(EXTRA_OBSERVATIONS)
    return out


@pytest.fixture(scope="module")
def con(package):
    return db.load_package(package)


# --- which periods are rankable ---------------------------------------------------------------------------


def test_rankable_periods_are_every_period_with_two_figures_of_one_boundary(con):
    rows = db.query(con, "ranking_periods", indicator_id="grdp_growth", focus_ids=FOCUS)
    periods = list(dict.fromkeys(r["period"] for r in rows))
    assert periods == ["2025-9M", "2025-H1", "2024"]  # latest first; 2024 ranks the pre-2025 provinces
    assert {r["period"]: r["boundary"] for r in rows} == {"2025-9M": "post-2025", "2025-H1": "post-2025",
                                                          "2024": "pre-2025"}
    assert [(r["rank"], r["unit_id"]) for r in rows if r["period"] == "2024"] == [(1, "ha-noi-pre2025"),
                                                                                  (2, "bac-ninh-pre2025")]
    assert [r["latest"] for r in rows] == [r["period"] == "2025-9M" for r in rows]
    half = [(r["rank"], r["unit_id"], r["focus"]) for r in rows if r["period"] == "2025-H1"]
    assert half == [(1, "hai-phong", False), (2, "bac-ninh", True), (3, "ha-noi", False)]
    assert all(r["source_url"].startswith("https://") for r in rows)  # every figure with its source


def test_the_latest_period_follows_the_rule_the_page_used_on_the_real_package():
    """Latest end date, figures for at least two units of one boundary; the others of that boundary."""
    con = db.load_package(REAL)
    for indicator in ("grdp_growth", "population", "pci_rank"):
        rows = db.query(con, "ranking_periods", indicator_id=indicator, focus_ids=FOCUS)
        by_period: dict[str, list[dict]] = {}
        for r in rows:
            by_period.setdefault(r["period"], []).append(r)
        latest = rows[0]
        assert latest["latest"] and latest["end_date"] == max(r["end_date"] for r in rows)
        assert all(len(units) >= 2 for units in by_period.values()), indicator
        for units in by_period.values():
            assert len({r["boundary"] for r in units}) == 1, indicator  # one map a period
            assert [r["rank"] for r in units] == sorted(r["rank"] for r in units)
    grdp = db.query(con, "ranking_periods", indicator_id="grdp_growth", focus_ids=FOCUS)
    order = list(dict.fromkeys((r["period"], r["boundary"]) for r in grdp))
    assert order[:2] == [("2025", "post-2025"), ("2025-9M", "post-2025")]
    assert ("2024", "pre-2025") in order  # the years before the reform are offered on the 63-province map


# --- the ranking spec -------------------------------------------------------------------------------------

LABELS = {"x_title": "Tăng trưởng (%)", "name": "Tỉnh, thành phố", "select": "#bn-period-select", "selected": "2025-9M",
          "descriptions": {"2025-9M": "Chín tháng", "2025-H1": "Sáu tháng"}, "description": "Chín tháng"}
RANKING_ROWS = [
    {"unit_id": "bac-ninh", "name": "Bắc Ninh", "value": 11.02, "focus": True, "period": "2025-9M"},
    {"unit_id": "ha-noi", "name": "Hà Nội", "value": 7.8, "focus": False, "period": "2025-9M"},
    {"unit_id": "hai-phong", "name": "Hải Phòng", "value": 11.3, "focus": False, "period": "2025-H1"},
    {"unit_id": "bac-ninh", "name": "Bắc Ninh", "value": 10.1, "focus": True, "period": "2025-H1"},
    {"unit_id": "ha-noi", "name": "Hà Nội", "value": 7.1, "focus": False, "period": "2025-H1"},
]


def _bars(svg: str) -> list[str]:
    """The bars' labels (name: value), top to bottom."""
    found = re.findall(r'<path aria-label="([^"]+: [^"]+)" role="graphics-symbol"[^>]*d="M[-\d.]+,([-\d.]+)', svg)
    return [label for label, _ in sorted(found, key=lambda item: float(item[1]))]


def _svg_for(files: render.ChartFiles, period: str, lang: str = "vi") -> str:
    """The chart drawn for another period: the param's value changed, as the bound <select> does."""
    spec = json.loads(files.spec.read_text(encoding="utf-8"))
    spec = copy.deepcopy(spec)
    spec["params"][0]["value"] = period
    return render.render_svg(spec, json.loads(files.data.read_text(encoding="utf-8")), lang)


@pytest.fixture(scope="module")
def ranking(tmp_path_factory) -> render.ChartFiles:
    return render.write_chart(builders.ranking_periods_chart(RANKING_ROWS, "vi", LABELS, decimals=2),
                              tmp_path_factory.mktemp("ranking"), "ranking-vi", "vi")


def test_ranking_spec_holds_every_period_and_defaults_to_the_latest(ranking):
    spec = json.loads(ranking.spec.read_text(encoding="utf-8"))
    data = json.loads(ranking.data.read_text(encoding="utf-8"))
    assert sorted({r["period"] for r in data}) == ["2025-9M", "2025-H1"] and len(data) == 5
    assert spec["params"] == [{"bind": {"element": "#bn-period-select"}, "name": "period", "value": "2025-9M"}]
    assert all({"filter": "datum.period === period"} in layer["transform"] for layer in spec["layer"])
    assert spec["usermeta"]["period_select"] == "#bn-period-select"
    assert spec["usermeta"]["period_descriptions"] == {"2025-9M": "Chín tháng", "2025-H1": "Sáu tháng"}


def test_ranking_draws_the_chosen_period_ordered_with_its_own_height(ranking):
    latest = ranking.svg.read_text(encoding="utf-8")
    assert _bars(latest) == ["Bắc Ninh: 11,02", "Hà Nội: 7,80"]
    half = _svg_for(ranking, "2025-H1")
    assert _bars(half) == ["Hải Phòng: 11,30", "Bắc Ninh: 10,10", "Hà Nội: 7,10"]  # the half year's leader first
    height = lambda svg: float(re.search(r'<svg[^>]*height="([\d.]+)"', svg).group(1))  # noqa: E731
    assert height(half) - height(latest) == pytest.approx(builders.RANKING_STEP, abs=1)  # one bar more
    focus = [m for m in re.findall(r"<path [^>]*>", half) if 'aria-label="Bắc Ninh: ' in m]
    assert len(focus) == 1 and f'fill="{theme.BLUE}"' in focus[0]
    assert re.search(r'<text [^>]*font-weight="bold"[^>]*>Bắc Ninh</text>', half)


def test_ranking_refuses_a_default_period_it_does_not_hold():
    with pytest.raises(ChartInputError, match="'selected' '2024' is not a period"):
        builders.ranking_periods_chart(RANKING_ROWS, "vi", {**LABELS, "selected": "2024"})
    with pytest.raises(ChartInputError, match="row 1, field 'period'"):
        builders.ranking_periods_chart([{**RANKING_ROWS[0], "period": ""}], "vi", LABELS)


# --- the tile map spec ------------------------------------------------------------------------------------


def _tiles(period_values: dict[str, dict[int, float | None]]) -> list[dict]:
    return [{"unit_id": f"tinh-{i}", "name": f"Tỉnh {i}", "tile_row": i // 3, "tile_col": i % 3, "value": value,
             "period": period, "focus": i == 1}
            for period, values in period_values.items() for i, value in values.items()]


def _tile_fills(svg: str) -> dict[str, str]:
    return {label: fill for label, fill in re.findall(r'<path aria-label="(Tỉnh \d+): [^"]*"[^>]*fill="(#[0-9A-Fa-f]{6})"', svg)}


def test_tile_map_follows_the_period_and_never_colours_a_missing_province(tmp_path):
    rows = _tiles({"2025-9M": {0: 0.0, 1: 5.0, 2: None, 3: 9.0, 4: 2.0, 5: 7.5},
                   "2025-H1": {0: None, 1: 3.0, 2: 4.0, 3: None, 4: 3.5, 5: 3.2}})
    labels = {"legend": "Tăng trưởng (%)", "no_data": "chưa có số liệu", "name": "Tỉnh", "select": "#bn-period-select",
              "selected": "2025-9M", "description": "Bản đồ"}
    files = render.write_chart(tilemap.tile_periods_map(rows, "vi", labels), tmp_path, "tiles-vi", "vi")
    latest = _tile_fills(files.svg.read_text(encoding="utf-8"))
    assert latest["Tỉnh 2"] == theme.NO_DATA_FILL and latest["Tỉnh 0"] == theme.SEQUENTIAL[0]  # zero is a value
    assert latest["Tỉnh 3"] == theme.SEQUENTIAL[-1]
    half_svg = _svg_for(files, "2025-H1")
    half = _tile_fills(half_svg)
    assert half["Tỉnh 0"] == half["Tỉnh 3"] == theme.NO_DATA_FILL  # missing in this period, hatched
    assert half["Tỉnh 2"] == theme.SEQUENTIAL[-1] and half["Tỉnh 1"] == theme.SEQUENTIAL[0]  # the period's own classes
    assert 'aria-label="Tỉnh 0: chưa có số liệu"' in half_svg
    # A label stays readable on its tile: white exactly on the dark classes, for the chosen period too.
    for svg, fills in ((files.svg.read_text(encoding="utf-8"), latest), (half_svg, half)):
        text = dict((name, colour) for colour, name in re.findall(r'<text [^>]*fill="(#[0-9A-Fa-f]{6})"[^>]*>(Tỉnh \d+)</text>', svg))
        for name, fill in fills.items():
            assert theme.contrast_ratio(fill, text[name]) >= 4.5, (name, fill, text[name])


# --- the series chart's time axis -------------------------------------------------------------------------


def test_series_spaces_periods_by_time_and_writes_them_as_periods(tmp_path):
    rows = [{"period": p, "period_label": f"năm {p}", "end_date": f"{p}-12-31", "value": v, "status": "actual", "kind": "outcome"}
            for p, v in (("2012", 1.0), ("2017", 2.0), ("2018", 3.0))]
    labels = {"y_title": "Tỷ đồng", "outcome": "Số liệu", "derived": "Cộng", "target": "Kế hoạch", "period": "Kỳ",
              "description": "Chuỗi"}
    files = render.write_chart(builders.series_chart(rows, "vi", labels), tmp_path, "series-vi", "vi")
    svg = files.svg.read_text(encoding="utf-8")
    xs = sorted(float(x) for x in re.findall(r'<path aria-label="năm \d+[^"]*"[^>]*transform="translate\(([-\d.]+),', svg))
    assert len(xs) == 3
    assert (xs[1] - xs[0]) == pytest.approx(5 * (xs[2] - xs[1]), rel=0.02)  # five years apart, then one
    assert {"năm 2012", "năm 2017", "năm 2018"} <= set(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert re.search(r'aria-label="năm 2017 · Số liệu: 2,0"', svg)  # the tooltip's words, unchanged


# --- the page ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(package, con, tmp_path_factory):
    from build_scripts.pages import build_page
    from build_scripts.pages.site import Site

    out = tmp_path_factory.mktemp("docs")
    saved, saved_cache = settings.CHARTS, os.environ.get("BN_CACHE_DIR")
    settings.CHARTS = True
    os.environ["BN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))  # never the shared build folder's cache
    try:
        site = Site.load(con, package, out)
        build_page(site, "indicator", "grdp_growth")
    finally:
        settings.CHARTS = saved
        if saved_cache is None:
            os.environ.pop("BN_CACHE_DIR", None)
        else:
            os.environ["BN_CACHE_DIR"] = saved_cache
    folder = out / "indicators" / "grdp_growth"
    return {lang: (folder / ("index.md" if lang == "vi" else f"index.{lang}.md")).read_text(encoding="utf-8")
            for lang in ("vi", "en")} | {"folder": folder}


def test_page_has_a_labelled_hidden_select_of_the_periods_in_words(page):
    for lang, label, first, second in (("vi", "Kỳ của biểu đồ và bản đồ:", "9 tháng đầu năm 2025", "6 tháng đầu năm 2025"),
                                       ("en", "Period of the chart and the map:", "first nine months of 2025",
                                        "first half of 2025")):
        text = page[lang]
        control = re.search(r'<p class="bn-chart-control" hidden><label for="bn-period-select">([^<]+)</label> '
                            r'<select id="bn-period-select"[^>]*>(.*?)</select></p>', text)
        assert control, lang
        assert control.group(1) == label
        options = re.findall(r'<option value="([^"]+)"( selected)?>([^<]+)</option>', control.group(2))
        assert options[:2] == [("2025-9M", " selected", first), ("2025-H1", "", second)], lang
        assert [value for value, _, _ in options[2:]] == ["2024"], lang
        assert text.index("bn-period-select") < text.index("bn-figure--ranking") < text.index("bn-figure--tile_map")


def test_page_charts_bind_the_select_and_describe_each_period(page):
    for lang in ("vi", "en"):
        for name in ("ranking", "tiles"):
            spec = json.loads((page["folder"] / f"{name}-{lang}.vl.json").read_text(encoding="utf-8"))
            assert spec["params"][0]["bind"] == {"element": "#bn-period-select"}
            assert spec["params"][0]["value"] == "2025-9M"
            assert sorted(spec["usermeta"]["period_descriptions"]) == ["2024", "2025-9M", "2025-H1"]
    en = json.loads((page["folder"] / "ranking-en.vl.json").read_text(encoding="utf-8"))["usermeta"]["period_descriptions"]
    assert "first half of 2025, 3 provinces ranked" in en["2025-H1"]


def test_page_lists_the_latest_ranking_with_sources_and_no_every_value_table(page):
    vi, en = page["vi"], page["en"]
    assert "Bảng xếp hạng kỳ mới nhất, 9 tháng đầu năm 2025: 2 đơn vị có số liệu" in vi
    table = re.findall(r"^\| (\d+) \| (.+?) \| ([\d,]+) \| (.+?) \| (.+?) \|$", vi, re.M)
    assert [(rank, value) for rank, _, value, _, _ in table] == [("1", "11,02"), ("2", "7,80")]
    assert all("](https://example.org/" in source for *_, source in table)  # a source a figure
    assert "[Bắc Ninh](../../provinces/bac-ninh/index.md)" in table[0][1]  # a province links to its page
    assert "## Bảng số liệu" not in vi and "## Values" not in en
    assert "indicator's downloads" in en and "tệp tải về của chỉ tiêu" in vi


def test_other_figures_are_those_of_the_figures_shown(page):
    en = page["en"]
    others = en[en.index("## Other sources"):en.index("## Downloads")]
    assert "7.70" in others  # Hà Nội, first nine months: the latest ranking
    assert "6.90" not in others  # Hà Nội, first half: not shown on the page (in the downloads)


def test_without_javascript_the_images_show_the_latest_period(page):
    svg = (page["folder"] / "ranking-vi.svg").read_text(encoding="utf-8")
    assert _bars(svg) == ["Bắc Ninh: 11,02", "Hà Nội: 7,80"]
    tiles = _tile_fills_named((page["folder"] / "tiles-vi.svg").read_text(encoding="utf-8"))
    assert tiles["Hải Phòng"] == theme.NO_DATA_FILL  # no figure for nine months: hatched, not zero


def _tile_fills_named(svg: str) -> dict[str, str]:
    return {label: fill for label, fill in re.findall(r'<path aria-label="([^":]+): [^"]*"[^>]*fill="(#[0-9A-Fa-f]{6})"', svg)}


# --- page weight ----------------------------------------------------------------------------------------

PAGE_LIMIT = 100_000  # bytes of HTML a page


def test_every_indicator_page_of_the_real_site_is_under_100_kb(real_site):
    pages = sorted(real_site.glob("indicators/*/index.html")) + sorted(real_site.glob("*/indicators/*/index.html"))
    assert len(pages) > 10, f"{real_site} has only {len(pages)} indicator pages"
    heavy = {str(p.relative_to(real_site)): p.stat().st_size for p in pages if p.stat().st_size > PAGE_LIMIT}
    assert not heavy, f"{len(heavy)} indicator pages over {PAGE_LIMIT:,} bytes: " + ", ".join(
        f"{name} ({size:,})" for name, size in sorted(heavy.items(), key=lambda kv: -kv[1]))
