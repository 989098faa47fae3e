"""build_scripts/cache.py without the whole build: a chart or a download file from the cache is byte for byte
the one made without it; nothing is made again when nothing changed; a changed figure makes again only the
download files made from it; a chart becomes its Vega-Lite dict once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import altair as alt
import pytest

from benchmarks import harness
from benchmarks.rebuild import change_one_figure
from build_scripts import cache, db, downloads


@pytest.fixture
def events(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ROOT_ENV, str(tmp_path / "cache"))
    seen: list[str] = []
    monkeypatch.setattr(cache, "EVENTS", [seen.append])
    return seen


def _chart(values):
    return alt.Chart(alt.Data(values=[{"x": i, "y": v} for i, v in enumerate(values)])).mark_bar().encode(x="x:O", y="y:Q") \
        .properties(description="test chart", width=200, height=100)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_chart_from_the_cache_is_the_chart_rendered(tmp_path, events):
    from build_scripts.charts import render

    direct = render.write_chart(_chart([1, 2, 3]), tmp_path / "direct", "c-vi", "vi")
    first = cache.write_chart(_chart([1, 2, 3]), tmp_path / "one", "c-vi", "vi")
    second = cache.write_chart(_chart([1, 2, 3]).to_dict(validate=False), tmp_path / "two", "c-vi", "vi")  # a dict too
    assert events == ["chart rendered", "chart reused"]
    assert _tree(tmp_path / "direct") == _tree(tmp_path / "one") == _tree(tmp_path / "two")
    assert sorted(_tree(tmp_path / "one")) == ["c-vi.data.json", "c-vi.svg", "c-vi.vl.json"]
    assert (second.width, second.height, second.kind) == (first.width, first.height, first.kind) == \
        (direct.width, direct.height, direct.kind)
    cache.write_chart(_chart([1, 2, 4]), tmp_path / "three", "c-vi", "vi")  # other data
    cache.write_chart(_chart([1, 2, 3]), tmp_path / "four", "c-en", "en")  # other language
    assert events[2:] == ["chart rendered", "chart rendered"]


def test_a_chart_becomes_its_dict_once(tmp_path, events):
    calls = []

    class Counted:
        def __init__(self, chart):
            self.chart = chart

        def to_dict(self, **kwargs):
            calls.append(kwargs)
            return self.chart.to_dict(**kwargs)

    cache.write_chart(Counted(_chart([5, 6])), tmp_path, "once-vi", "vi")
    assert calls == [{"validate": False}]
    cache.write_chart(Counted(_chart([5, 6])), tmp_path, "once-vi", "vi")
    assert len(calls) == 2 and events == ["chart rendered", "chart reused"]


def test_a_chart_drawn_from_the_same_inputs_is_not_built_again(tmp_path, events):
    from build_scripts.charts import builders

    rows = [{"end_date": "2023-12-31", "value": 1.5, "period": "2023", "period_label": "2023", "kind": "outcome"},
            {"end_date": "2024-12-31", "value": 2.5, "period": "2024", "period_label": "2024", "kind": "outcome"}]
    labels = {"y_title": "Tỷ đồng", "outcome": "Số liệu", "derived": "Cộng", "target": "Kế hoạch", "description": "GRDP"}
    built = []

    def build(rows=rows):
        built.append(1)
        return builders.series_chart(rows, "vi", labels)

    first = cache.write_built_chart(["series_chart", rows, labels, 1], build, tmp_path / "one", "s-vi", "vi")
    second = cache.write_built_chart(["series_chart", rows, labels, 1], build, tmp_path / "two", "s-vi", "vi")
    assert built == [1] and events == ["chart rendered", "chart reused"]
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    assert (first.width, first.height, first.kind) == (second.width, second.height, second.kind)
    other = [dict(rows[0]), dict(rows[1], value=3.5)]
    cache.write_built_chart(["series_chart", other, labels, 1], lambda: build(other), tmp_path / "three", "s-vi", "vi")
    assert built == [1, 1] and events[2:] == ["chart rendered"]
    assert _tree(tmp_path / "three") != _tree(tmp_path / "one")


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pkg") / "package"
    harness.make_package(out, (3, 3, 4))
    return out


def _downloads(package: Path, out: Path, cached: bool) -> list[Path]:
    con = db.load_package(package)
    try:
        return downloads.write_all(con, package, out, store=cache.files) if cached else downloads.write_all(con, package, out)
    finally:
        con.close()


def test_downloads_from_the_cache_match_and_a_changed_figure_makes_only_its_files_again(tmp_path, events, package):
    import shutil

    _downloads(package, tmp_path / "direct", cached=False)
    assert events == []  # no store: no cache
    first = _downloads(package, tmp_path / "one", cached=True)
    assert Counter(events) == {"download written": len(first)}
    events.clear()
    _downloads(package, tmp_path / "two", cached=True)
    assert Counter(events) == {"download reused": len(first)}  # nothing made when nothing changed
    assert _tree(tmp_path / "direct") == _tree(tmp_path / "one") == _tree(tmp_path / "two")

    changed = tmp_path / "changed"
    shutil.copytree(package, changed)
    change_one_figure(changed)
    made: list[str] = []
    original = cache.files

    def recording(kind, parts, dests, make, code=()):
        before = len(events)
        original(kind, parts, dests, make, code)
        made.extend(Path(d).name for d, e in zip(dests, events[before:]) if e == "download written")

    events.clear()
    cache_files = pytest.MonkeyPatch()
    cache_files.setattr(cache, "files", recording)
    try:
        _downloads(changed, tmp_path / "three", cached=True)
    finally:
        cache_files.undo()
    _downloads(changed, tmp_path / "direct-changed", cached=False)
    assert _tree(tmp_path / "three") == _tree(tmp_path / "direct-changed") != _tree(tmp_path / "direct")
    # the observations (published and comparable) and the zips hold the figure; the other resources do not
    assert sorted(made) == sorted([
        "observations.csv", "observations.parquet", "observations.json",
        "observations_comparable.csv", "observations_comparable.json", "observations_comparable.parquet",
        "bac-ninh-open-data.zip", "bac-ninh-open-data-0.1.0.zip", "bac-ninh-open-data-0.1.0.zip.sha256"])


def test_a_writer_that_leaves_a_file_out_is_named(tmp_path, events):
    with pytest.raises(RuntimeError, match=r"the thing writer did not write .*b\.txt"):
        cache.files("thing", ["x"], [tmp_path / "a.txt", tmp_path / "b.txt"],
                    lambda: (tmp_path / "a.txt").write_text("a", encoding="utf-8"))
    assert events == []


def test_an_address_is_made_of_contents_never_of_times(tmp_path, events):
    out = tmp_path / "f.txt"
    made = []
    make = lambda: (made.append(1), out.write_text("made", encoding="utf-8"))  # noqa: E731
    cache.files("thing", ["digest-1"], [out], make)
    out.unlink()
    cache.files("thing", ["digest-1"], [out], make)  # same parts: copied back, not made
    assert out.read_text(encoding="utf-8") == "made" and len(made) == 1
    cache.files("thing", ["digest-2"], [out], make)
    cache.files("other", ["digest-1"], [out], make)
    assert len(made) == 3 and events == ["download written", "download reused", "download written", "download written"]
