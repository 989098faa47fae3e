"""The measurements behind `make bench`: each command runs in its own process, timed (wall and CPU), with its
peak memory; the build runs through benchmarks/driver.py so its phase times come back.

Peak memory is reported two ways: the largest single process (ru_maxrss from os.wait4, which covers the
process and every child it waited for) and the whole process tree's resident memory, sampled every 0.2 s
(DuckDB allocates natively, so tracemalloc would miss it).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
FRICTIONLESS = str(Path(sys.executable).with_name("frictionless"))
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


class BenchError(Exception):
    """A step of the benchmark failed; the message says which, and where its output is."""


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _tree_rss(pid: int) -> int:
    tree, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(tree.get(p, []))
    return total


def run_measured(cmd: list[str], log: Path, env: dict | None = None) -> dict:
    """Run cmd; its output goes to log. Wall and CPU seconds (with its children), peak memory, exit code."""
    log.parent.mkdir(parents=True, exist_ok=True)
    full_env = {**os.environ, "PYTHONHASHSEED": "0", **(env or {})}
    peak = [0]
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=full_env, cwd=ROOT)
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                stop.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        stop.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_mb": usage.ru_maxrss / 1024,
            "tree_mb": peak[0] / 2**20, "exit": proc.returncode, "log": str(log)}


def _periods_for(years: int) -> int:
    """The generator's pre-2025 periods giving `years` periods a province in all (it adds periods // 4 after)."""
    return max(1, math.ceil(years * 4 / 5))


def parse_size(text: str) -> tuple[int, int, int]:
    """'200x34x20' -> (indicators, provinces, periods a province)."""
    try:
        n, m, p = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise BenchError(f"size {text!r}: expected INDICATORSxPROVINCESxPERIODS, like 200x34x20") from None
    if min(n, m, p) < 1:
        raise BenchError(f"size {text!r}: every part must be at least 1")
    return n, m, p


def make_package(out: Path, size: tuple[int, int, int], seed: int = 0) -> dict:
    """A synthetic package (benchmarks/synthetic.py) of indicators x provinces x periods, in out, shaped like the
    portal's data: the first province is the focus province (settings.FOCUS_UNIT), so the home page, series
    charts and sparklines are built as for the real package; and the periods before the reform are years (the
    generator writes one year of months and quarters), so a province has decades of annual figures."""
    from benchmarks.synthetic import generate

    n, m, p = size
    stats = generate(out, indicators=n, provinces=m, periods=_periods_for(p), seed=seed)
    _reshape(out)
    return stats


def _reshape(package: Path) -> None:
    import csv
    import io

    from build_scripts import settings
    from build_scripts.canonical import canonical_rows, serialise

    focus = settings.FOCUS_UNIT
    rename = {"province-0000": focus, "province-0000-pre2025": f"{focus}-pre2025"}
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    pre_periods: list[str] = []
    obs_path = package / "data" / "observations.csv"
    with obs_path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["unit_id"].endswith("-pre2025") and row["period"] not in pre_periods:
                pre_periods.append(row["period"])
    latest_first = sorted(pre_periods, key=lambda x: (x[:4], x), reverse=True)
    years = {period: str(2024 - i) for i, period in enumerate(latest_first)}
    for resource in descriptor["resources"]:
        path = package / resource["path"]
        fields = resource["schema"]["fields"]
        names = [f["name"] for f in fields]
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[1:]
        for row in rows:
            record = dict(zip(names, row))
            for column in ("unit_id", "region_id", "from_unit_id", "to_unit_id"):
                if record.get(column) in rename:
                    row[names.index(column)] = rename[record[column]]
            if resource["name"] == "observations" and record["unit_id"].endswith("-pre2025"):
                row[names.index("period")] = years[record["period"]]
        booleans = {f["name"] for f in fields if f["type"] == "boolean"}
        path.write_text(serialise(names, canonical_rows(rows, names, resource["schema"].get("primaryKey", []), booleans)),
                        encoding="utf-8", newline="")


def double_package(package: Path, out: Path) -> None:
    """A copy of package in out with twice the data: every indicator again under the id <id>_x2 (names marked
    " x2", never a headline, ordered after the originals) with a copy of each of its figures. The units, the
    sources and the boundary changes stay as they are, so every indicator, province, report and source page
    holds twice the rows, as twice the package would."""
    import csv
    import io

    from build_scripts.canonical import canonical_rows, serialise

    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(package, out)
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] not in ("indicators", "observations"):
            continue
        path = out / resource["path"]
        fields = resource["schema"]["fields"]
        names = [f["name"] for f in fields]
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[1:]
        ind = names.index("indicator_id")
        copies = []
        for row in rows:
            copy = list(row)
            copy[ind] = f"{row[ind]}_x2"
            if resource["name"] == "indicators":
                for column in ("name_vi", "name_en"):
                    copy[names.index(column)] = f"{row[names.index(column)]} x2"
                copy[names.index("headline")] = "false"
                copy[names.index("display_order")] = str(int(row[names.index("display_order")]) + 5_000)
            copies.append(copy)
        booleans = {f["name"] for f in fields if f["type"] == "boolean"}
        path.write_text(serialise(names, canonical_rows(rows + copies, names, resource["schema"].get("primaryKey", []), booleans)),
                        encoding="utf-8", newline="")


def observation_count(package: Path) -> int:
    with (package / "data" / "observations.csv").open("rb") as f:
        return max(0, sum(1 for _ in f) - 1)


def validate(package: Path, work: Path, stock: bool = True) -> dict:
    """Our `validate` against stock `frictionless validate` of the same package."""
    ours = run_measured([PY, "-m", "build_scripts", "validate", "--package", str(package)], work / "validate.log")
    result = {"ours": ours}
    if stock:
        result["frictionless"] = run_measured([FRICTIONLESS, "validate", str(package / "datapackage.json")],
                                              work / "frictionless.log")
    return result


def _work_times(log_dir: Path) -> dict:
    """CPU seconds in queries and charts, summed over the processes; and by query or chart builder."""
    totals: dict = {"queries": 0.0, "charts": 0.0, "by_name": {}}
    for log in sorted(log_dir.glob("work-*.txt")):
        for line in log.read_text(encoding="utf-8").splitlines():
            kind, seconds, *name = line.split()
            totals[kind] = totals.get(kind, 0.0) + float(seconds)
            key = f"{kind}:{name[0] if name else 'sparkline'}"
            calls, cpu = totals["by_name"].get(key, (0, 0.0))
            totals["by_name"][key] = (calls + 1, cpu + float(seconds))
    totals["by_name"] = dict(sorted(totals["by_name"].items(), key=lambda kv: (-kv[1][1], kv[0])))
    return totals


def build(package: Path, work: Path, cache_dir: Path | None = None, tag: str = "build") -> dict:
    """The portal's build of package (through benchmarks/driver.py), its phases and measurements."""
    log_dir = work / f"{tag}-log"
    shutil.rmtree(log_dir, ignore_errors=True)
    log_dir.mkdir(parents=True)
    if cache_dir is None:  # a cold build: an empty cache of its own, never the one a previous run filled
        cache_dir = work / f"{tag}-cache"
        shutil.rmtree(cache_dir, ignore_errors=True)
    env = {"BN_BENCH_CACHE": str(cache_dir)}
    run = run_measured([PY, "-m", "benchmarks.driver", str(package), str(work / "site"), str(work / "build"), str(log_dir)],
                       work / f"{tag}.log", env)
    phases_file = log_dir / "phases.json"
    if run["exit"] != 0 or not phases_file.is_file():
        raise BenchError(f"the build of {package} failed (exit {run['exit']}); see {run['log']}")
    phases = json.loads(phases_file.read_text(encoding="utf-8"))
    run["phases"] = phases["times"]
    run["work"] = _work_times(log_dir)
    run["cache"] = _cache_counts(log_dir)
    return run


def _cache_counts(log_dir: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for log in sorted(log_dir.glob("cache-*.txt")):
        for line in log.read_text(encoding="utf-8").splitlines():
            counts[line] = counts.get(line, 0) + 1
    return dict(sorted(counts.items()))


def bare_mkdocs(work: Path) -> dict:
    """`mkdocs build` of the build's generated docs folder and mkdocs.yml, into another folder."""
    config = work / "build" / "mkdocs.yml"
    if not config.is_file():
        raise BenchError(f"{config} is missing: the build did not write its MkDocs configuration")
    site = work / "bare-site"
    shutil.rmtree(site, ignore_errors=True)
    from build_scripts import settings

    run = run_measured([PY, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site)], work / "bare.log",
                       {"SOURCE_DATE_EPOCH": settings.SOURCE_DATE_EPOCH})
    if run["exit"] != 0:
        raise BenchError(f"the bare mkdocs build failed (exit {run['exit']}); see {run['log']}")
    shutil.rmtree(site, ignore_errors=True)
    return run
