"""build_scripts/cache.py: what comes out of the cache is byte for byte what the build writes without it,
nothing is regenerated when nothing changed, and a changed figure regenerates only what shows it."""

from __future__ import annotations

from pathlib import Path

import altair as alt
import pytest

from benchmarks.rebuild import change_one_figure
from benchmarks.synthetic import generate
from build_scripts import cache


@pytest.fixture
def events(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ROOT_ENV, str(tmp_path / "cache"))
    seen: list[str] = []
    monkeypatch.setattr(cache, "EVENTS", [seen.append])
    return seen


def _chart(values):
    return alt.Chart(alt.Data(values=[{"x": i, "y": v} for i, v in enumerate(values)])).mark_bar().encode(x="x:O", y="y:Q") \
        .properties(description="test chart", width=200, height=100)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_chart_from_the_cache_is_the_chart_rendered(tmp_path, events):
    from build_scripts.charts import render

    direct = render.write_chart(_chart([1, 2, 3]), tmp_path / "direct", "c-vi", "vi")
    first = cache.write_chart(_chart([1, 2, 3]), tmp_path / "one", "c-vi", "vi")
    second = cache.write_chart(_chart([1, 2, 3]), tmp_path / "two", "c-vi", "vi")
    assert events == ["chart rendered", "chart reused"]
    assert _files(tmp_path / "direct") == _files(tmp_path / "one") == _files(tmp_path / "two")
    assert (second.width, second.height, second.kind) == (first.width, first.height, first.kind) == \
        (direct.width, direct.height, direct.kind)
    cache.write_chart(_chart([1, 2, 4]), tmp_path / "three", "c-vi", "vi")
    cache.write_chart(_chart([1, 2, 3]), tmp_path / "four", "c-en", "en")
    assert events[2:] == ["chart rendered", "chart rendered"]


def test_downloads_from_the_cache_match_and_a_changed_figure_writes_them_again(tmp_path, events):
    from build_scripts import db, downloads

    package = tmp_path / "p"
    generate(package, 3, 2, 4)
    con = db.load_package(package)
    downloads.write_all(con, package, tmp_path / "direct")
    cache.write_downloads(con, package, tmp_path / "one")
    cache.write_downloads(con, package, tmp_path / "two")
    con.close()
    assert events == ["downloads written", "downloads reused"]
    assert _files(tmp_path / "direct") == _files(tmp_path / "one") == _files(tmp_path / "two")
    change_one_figure(package)
    con = db.load_package(package)
    cache.write_downloads(con, package, tmp_path / "three")
    downloads.write_all(con, package, tmp_path / "direct-changed")
    con.close()
    assert events[2:] == ["downloads written"]
    assert _files(tmp_path / "three") == _files(tmp_path / "direct-changed") != _files(tmp_path / "direct")
