"""One build, run by the benchmark in its own process: the pipeline's phase times, plus the seconds spent in
page queries and in charts, summed over the page workers.

    .venv/bin/python -m benchmarks.driver PACKAGE SITE_DIR BUILD_DIR LOG_DIR

Writes LOG_DIR/phases.json (the pipeline's Progress.times and its exit code) and one LOG_DIR/work-<pid>.txt a
process ("queries <s>" and "charts <s>" lines). The page workers are spawned: each re-imports this module as
__mp_main__, so the wrappers below are installed in every worker as well as in the parent.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LOG_ENV = "BN_BENCH_LOG"
CACHE_ENV = "BN_BENCH_CACHE"  # the cache folder of this build (harness.build: an empty one for a cold build)


def _timed(kind: str, func, log: Path, name_arg: int | None = None):
    """func, logging "<kind> <CPU seconds> [<its name_arg-th argument>]" a call."""
    def wrapper(*args, **kwargs):
        start = time.process_time()  # CPU of this process (vl-convert's threads included): steady under load
        try:
            return func(*args, **kwargs)
        finally:
            what = f" {args[name_arg]}" if name_arg is not None and len(args) > name_arg else ""
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{kind} {time.process_time() - start:.6f}{what}\n")
    wrapper.__wrapped__ = func
    return wrapper


def install() -> None:
    """Wrap db.query (queries) and the chart and sparkline makers (charts) of this process."""
    log_dir = os.environ.get(LOG_ENV)
    if not log_dir:
        return
    from build_scripts import db
    from build_scripts.pages import chart_block

    log = Path(log_dir) / f"work-{os.getpid()}.txt"
    if not hasattr(db.query, "__wrapped__"):
        db.query = _timed("queries", db.query, log, name_arg=1)
    for name in ("chart", "sparkline"):
        func = getattr(chart_block, name)
        if not hasattr(func, "__wrapped__"):
            setattr(chart_block, name, _timed("charts", func, log, name_arg=0 if name == "chart" else None))
    if os.environ.get(CACHE_ENV):
        _use_cache(Path(log_dir) / f"cache-{os.getpid()}.txt")


def _use_cache(log: Path) -> None:
    """The build's content-addressed cache (build_scripts/cache.py) in the folder the benchmark chose, and each
    of its events ("chart rendered", "download reused", ...) written to this process's log."""
    from build_scripts import cache

    os.environ[cache.ROOT_ENV] = os.environ[CACHE_ENV]

    def record(event: str) -> None:
        with log.open("a", encoding="utf-8") as out:
            out.write(event + "\n")

    if record not in cache.EVENTS:
        cache.EVENTS.append(record)


def main(argv: list[str]) -> int:
    import io
    import json

    from build_scripts.pipeline import run
    from build_scripts.pipeline.progress import Progress

    package, site, build, log_dir = (Path(a) for a in argv)
    os.environ[LOG_ENV] = str(log_dir.resolve())
    install()
    stream = io.StringIO()
    progress = Progress(stream=stream, interactive=False)
    code = run(package, site, build, progress)
    (log_dir / "phases.json").write_text(json.dumps({"exit": code, "times": progress.times, "output": stream.getvalue()},
                                                    sort_keys=True), encoding="utf-8")
    sys.stderr.write(stream.getvalue())
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
else:
    install()  # a spawned page worker (__mp_main__), or an import: wraps only when the log folder is set
