"""Rebuilds with the content-addressed cache (build_scripts/cache.py): the case's cold build filled it, a rebuild with
nothing changed should render no chart and make no download file, and a rebuild after one figure of one
indicator changed should render only the charts that show that figure and make only the download files that
hold it (the package-wide observations files and zips, the indicator's and the unit's slices, their API
documents, the API index, SHA256SUMS and the catalogue). Counts come from cache.EVENTS in every build process
(benchmarks/driver.py logs them): "chart rendered/reused" once a chart (series, ranking, tile map; sparklines
are plain SVG drawn every build, microseconds each, and not counted), "download written/reused" once a file."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from benchmarks import harness
from build_scripts import settings


def change_one_figure(package: Path, indicator_id: str | None = None) -> str:
    """Add 1 to one figure of one indicator (the second, by default) in observations.csv; returns its id. The
    figure is one a chart shows: the focus province's latest annual figure when there is one (its series chart
    and sparklines), else the indicator's first. The row's place and the file's canonical form do not change."""
    path = package / "data" / "observations.csv"
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    ind, val = header.index("indicator_id"), header.index("value")
    ids = sorted({r[ind] for r in rows[1:]})
    if not ids:
        raise harness.BenchError(f"{path}: no observations to change")
    target = indicator_id or ids[min(1, len(ids) - 1)]
    unit, period = header.index("unit_id"), header.index("period")
    candidates = [r for r in rows[1:] if r[ind] == target]
    annual = [r for r in candidates if r[unit].startswith(settings.FOCUS_UNIT) and r[period].isdigit()]
    for row in ([max(annual, key=lambda r: r[period])] if annual else candidates[:1]):
        old = row[val]
        new = str(int(old) + 1) if old.lstrip("-").isdigit() else str(round(float(old) + 1, 1))
        path.write_text(text.replace(",".join(row), ",".join(row[:val] + [new] + row[val + 1:]), 1),
                        encoding="utf-8", newline="")
        return target
    raise harness.BenchError(f"{path}: indicator {target} has no figure")


def _counts(run: dict) -> dict:
    c = run["cache"]
    phases = run.get("phases", {})
    return {"wall": run["wall"], "cpu": run["cpu"], "phases": {k: phases[k] for k in ("downloads", "pages", "mkdocs") if k in phases},
            "charts_rendered": c.get("chart rendered", 0), "charts_reused": c.get("chart reused", 0),
            "downloads_written": c.get("download written", 0), "downloads_reused": c.get("download reused", 0)}


def run(package: Path, work: Path) -> dict:
    """The rebuilds through the cache that the case's cold build filled (harness.build's work/build-cache):
    one figure changed first, then nothing changed; a second cold build is not needed."""
    cache_dir, cold_log = work / "build-cache", work / "build-log"
    if not cache_dir.is_dir():  # no cold build in this folder: fill a cache first
        harness.build(package, work, cache_dir, tag="cached-cold")
        cold_log = work / "cached-cold-log"
    copy = work / "package-changed"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(package, copy)
    changed_id = change_one_figure(copy)
    one = harness.build(copy, work, cache_dir, tag="cached-one-indicator")
    shutil.rmtree(copy, ignore_errors=True)
    unchanged = harness.build(package, work, cache_dir, tag="cached-unchanged")
    shutil.rmtree(cache_dir, ignore_errors=True)
    return {"cold": harness._cache_counts(cold_log) if cold_log.is_dir() else {}, "unchanged": _counts(unchanged),
            "one_indicator": {**_counts(one), "indicator": changed_id}}
