"""Rebuilds through the content-addressed cache, as the build command runs them (build_scripts.pipeline.run):
a small package built cold, rebuilt with nothing changed (no chart rendered, no download file made), then
with one figure of one indicator changed (only the files that hold that figure made again), and the site
byte-identical to a build of the changed package with an empty cache."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path


from benchmarks import harness
from benchmarks.rebuild import change_one_figure
from build_scripts import cache
from build_scripts.pipeline import run
from build_scripts.pipeline.progress import Progress


def _site(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _chart_entries(cache_dir: Path) -> set[str]:
    """Every chart the cache holds: a chart is stored once, when it is rendered (in any page worker)."""
    return {p.name for p in (cache_dir / "charts").glob("*/*") if p.is_dir()}


class _Made:
    """The download files each build makes (not copied from the cache), from cache.files in this process."""

    def __init__(self, monkeypatch):
        self.written: list[str] = []
        self.reused = 0
        self._original = cache.files
        monkeypatch.setattr(cache, "files", self._files)

    def _files(self, kind, parts, dests, make, code=()):
        events: list[str] = []
        cache.EVENTS.append(events.append)
        try:
            self._original(kind, parts, dests, make, code)
        finally:
            cache.EVENTS.remove(events.append)
        for dest, event in zip(dests, events):
            if event == "download written":
                self.written.append(Path(dest).relative_to(self.docs).as_posix())
            else:
                self.reused += 1

    def start(self, docs: Path) -> "_Made":
        self.docs, self.written, self.reused = docs, [], 0
        return self


def _build(package: Path, work: Path, name: str, cache_dir: Path, monkeypatch, build: str | None = None) -> Path:
    monkeypatch.setenv(cache.ROOT_ENV, str(cache_dir))
    site = work / name
    stream = io.StringIO()
    code = run(package, site, work / f"build-{build or name}", Progress(stream=stream, interactive=False))
    assert code == 0, f"the build of {package} failed: {stream.getvalue()[-2000:]}"
    return site


def _changed_row(original: Path, changed: Path) -> dict:
    rows = lambda p: list(csv.DictReader(io.StringIO((p / "data/observations.csv").read_text(encoding="utf-8"))))  # noqa: E731
    (row,) = [b for a, b in zip(rows(original), rows(changed)) if a != b]
    return row


def test_a_rebuild_makes_only_what_changed_and_matches_a_cold_build(tmp_path, monkeypatch):
    package = tmp_path / "package"
    harness.make_package(package, (3, 3, 4))
    cache_dir = tmp_path / "cache"
    made = _Made(monkeypatch)

    made.start(tmp_path / "build-cold" / "docs")
    cold = _build(package, tmp_path, "cold", cache_dir, monkeypatch)
    cold_written, charts = len(made.written), _chart_entries(cache_dir)
    assert cold_written > 40 and made.reused == 0 and len(charts) > 10

    made.start(tmp_path / "build-cold" / "docs")
    again = _build(package, tmp_path, "again", cache_dir, monkeypatch, build="cold")  # the same build folder
    assert sorted(p.name for p in (tmp_path / "build-cold").iterdir() if p.name != ".lock") == ["docs", "mkdocs.yml"]  # the old docs deleted
    assert made.written == [] and made.reused == cold_written  # no download file made
    assert _chart_entries(cache_dir) == charts  # no chart rendered
    assert _site(again) == _site(cold)

    changed = tmp_path / "changed"
    shutil.copytree(package, changed)
    indicator = change_one_figure(changed)
    row = _changed_row(package, changed)
    assert row["indicator_id"] == indicator
    made.start(tmp_path / "build-one" / "docs")
    one = _build(changed, tmp_path, "one", cache_dir, monkeypatch)
    unit = row["unit_id"]
    slices = [f"downloads/{kind}/{key}.{fmt}" for kind, key in (("indicators", indicator), ("units", unit))
              for fmt in ("csv", "parquet", "json")]
    assert sorted(made.written) == sorted([
        "downloads/observations.csv", "downloads/observations.parquet", "downloads/observations.json",
        "downloads/observations_comparable.csv", "downloads/observations_comparable.json",
        "downloads/observations_comparable.parquet",
        "downloads/bac-ninh-open-data.zip", "downloads/bac-ninh-open-data-0.1.0.zip",
        "downloads/bac-ninh-open-data-0.1.0.zip.sha256",
        *slices,
        f"api/v1/indicators/{indicator}.json", f"api/v1/units/{unit}.json", "api/v1/index.json",
        "downloads/SHA256SUMS", "catalog.jsonld",
    ])
    assert made.reused == cold_written - len(made.written)
    new_charts = _chart_entries(cache_dir) - charts
    assert 0 < len(new_charts) < len(charts) / 2  # the charts that show the figure, not every chart

    made.start(tmp_path / "build-uncached" / "docs")
    uncached = _build(changed, tmp_path, "uncached", tmp_path / "empty-cache", monkeypatch)
    assert made.reused == 0
    assert _site(one) == _site(uncached)
    assert _site(one) != _site(cold)
