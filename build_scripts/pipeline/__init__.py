"""The build: validate, load into DuckDB, generate pages, charts and downloads into a build folder, run
MkDocs into a folder next to the site, and swap it in only when every step succeeded.

``run`` returns the exit code: 0 built, 1 invalid package or failed build (the previous site untouched).
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import threading
import time
from pathlib import Path

from build_scripts import settings
from build_scripts.pipeline import guards, mkdocs_config, swap, validation
from build_scripts.pipeline.progress import Progress
from build_scripts.validation.reader import ReadFailed


class BuildFailed(Exception):
    """A build step failed; the message says which and why."""


def run(package_dir: Path, site_dir: Path, build_dir: Path, progress: Progress) -> int:
    for value, option in ((package_dir, "--package"), (site_dir, "--site-dir"), (build_dir, "--build-dir")):
        if isinstance(value, str) and not value.strip():
            progress.summary(f"build refused: {option} is empty; give a folder")
            return 1
    package_dir, site_dir, build_dir = Path(package_dir).resolve(), Path(site_dir).resolve(), Path(build_dir).resolve()
    try:
        guards.check_folders(package_dir, site_dir, build_dir)
    except guards.Refused as refused:
        progress.summary(f"build refused: {refused}; nothing was changed")
        return 1
    held: list[guards.Lock] = []
    try:
        for lock in guards.locks(site_dir, build_dir):
            lock.acquire()
            held.append(lock)
    except (guards.Refused, OSError) as refused:
        for lock in held:
            lock.release()
        reason = refused if isinstance(refused, guards.Refused) else f"cannot create its lock file: {refused.strerror}"
        progress.summary(f"build refused: {reason}; nothing was changed")
        return 1
    try:
        return _run(package_dir, site_dir, build_dir, progress)
    finally:
        for lock in held:
            lock.release()


def _run(package_dir: Path, site_dir: Path, build_dir: Path, progress: Progress) -> int:
    for line in swap.recover(site_dir):
        print(line, file=progress.stream)
    progress.phase("validate")
    problems, digests = validation.checked(package_dir)
    if problems:
        for line in problems:
            print(line, file=progress.stream)
        progress.summary(f"build stopped: the package in {package_dir} is invalid ({len(problems)} problem(s)); "
                         f"{site_dir} was not changed")
        return 1
    progress.done("valid")
    staging = swap.staging_dir(site_dir)
    try:
        counts = generate_and_build(package_dir, staging, build_dir, progress, digests)
        swap.swap_in(staging, site_dir)
    except (BuildFailed, ReadFailed) as failure:
        swap.discard(staging)
        progress.summary(f"build failed: {failure}; {site_dir} was not changed")
        return 1
    except Exception as error:  # a bug or an unreadable file: one sentence, and the old site stays
        swap.discard(staging)
        if os.environ.get("BN_DEBUG"):
            raise
        progress.summary(f"build failed in {progress._phase}: {type(error).__name__}: {error}; {site_dir} was not changed "
                         "(BN_DEBUG=1 shows the traceback)")
        return 1
    progress.summary(f"built {site_dir} from {package_dir}: {counts['pages']} pages "
                     f"({counts['files']} site files), {counts['downloads']} downloads; {progress.timing()}")
    return 0


def generate_and_build(package_dir: Path, staging: Path, build_dir: Path, progress: Progress,
                       digests: dict[str, str] | None = None) -> dict:
    """Pages, charts and downloads into build_dir/docs, then MkDocs into staging. Charts and downloads go
    through the content-addressed cache (build_scripts/cache.py; $BN_CACHE_DIR, else build_dir/.cache): a
    rebuild renders only the charts and makes only the download files whose inputs changed. With
    $BN_CACHE_PRUNE=1 the entries this build did not use are deleted after it succeeded."""
    from build_scripts import cache

    started = time.time()
    remover = _remove_in_background(build_dir, build_dir / "docs")
    try:
        with cache.rooted(build_dir / ".cache"):
            counts = _generate_and_build(package_dir, staging, build_dir, progress, digests)
            if os.environ.get(cache.PRUNE_ENV) == "1":  # CI: the cache it saves holds this build's entries only
                progress.step(f"cache: {cache.prune(started)} entries this build did not use deleted")
            return counts
    finally:
        remover.join()  # the previous docs folder is gone before the build returns


def _remove_in_background(build_dir: Path, docs_dir: Path) -> threading.Thread:
    """Set the previous build's docs folder aside (a rename) and delete it in a thread while the pages are
    made: deleting thousands of files took 3-13 s of a rebuild's wall time, waiting on the disk. Folders set
    aside by an interrupted build are deleted too."""
    if docs_dir.exists():
        docs_dir.rename(build_dir / f".docs-old-{os.getpid()}-{threading.get_ident()}")
    aside = sorted(build_dir.glob(".docs-old-*")) if build_dir.is_dir() else []
    thread = threading.Thread(target=lambda: [shutil.rmtree(p, ignore_errors=True) for p in aside], daemon=True)
    thread.start()
    return thread


def _generate_and_build(package_dir: Path, staging: Path, build_dir: Path, progress: Progress,
                        digests: dict[str, str] | None) -> dict:
    from build_scripts import cache, db, downloads
    from build_scripts.explore import engine
    from build_scripts.pages import generate
    from build_scripts.pages.site import Site
    from build_scripts.research.publish import publish

    progress.phase("load")
    con = db.load_package(package_dir, digests)  # the bytes validation read, nothing else
    progress.done(f"{db.row_count(con, 'observations')} observations")

    progress.phase("prepare")
    docs_dir = build_dir / "docs"  # the previous one was set aside (_remove_in_background)
    shutil.copytree(settings.DOCS_DIR, docs_dir)
    copy_assets(docs_dir)
    if not engine.copy_engine(docs_dir):
        progress.step(f"explore: {engine.node_modules()} lacks DuckDB-WASM (`npm ci` installs it); "
                      "/data/explore/ says the engine is missing")
    progress.done()

    progress.phase("downloads")  # before the pages: they show the downloads' sizes and digests
    made = {"download written": 0, "download reused": 0}
    count = lambda event: made.__setitem__(event, made[event] + 1) if event in made else None  # noqa: E731
    cache.EVENTS.append(count)
    try:
        files = downloads.write_all(con, package_dir, docs_dir / "downloads", store=cache.files)
        site = Site.load(con, package_dir, docs_dir)
        site.digests = digests  # the page workers load the same bytes
        site.research = publish(con, site.descriptor, docs_dir, page_units=[u["unit_id"] for u in site.units],
                                store=cache.files)
    finally:
        cache.EVENTS.remove(count)
    files = sorted(files + site.research.files)
    progress.done(f"{len(files)} files ({made['download written']} made, {made['download reused']} from the cache)")

    progress.phase("pages")
    counts = generate(site, progress=lambda name, n: progress.step(f"{name}: {n} pages"))
    progress.done(f"{sum(counts.values())} pages")
    con.close()
    del site  # MkDocs holds every page in memory: the pages' model is not needed any more
    gc.collect()

    progress.phase("mkdocs")
    missing: list[str] = []
    config_path = mkdocs_config.write(docs_dir, staging, build_dir / "mkdocs.yml", missing)
    for page in missing:
        progress.step(f"nav: {page} is not written yet; left out of the navigation")
    run_mkdocs(config_path, build_epoch(package_dir))
    copy_dropped_specs(docs_dir, staging)
    site_files = sum(1 for p in staging.rglob("*") if p.is_file())
    progress.done(f"{site_files} files")
    return {"pages": sum(counts.values()), "downloads": len(files), "files": site_files}


def copy_assets(docs_dir: Path) -> None:
    """The chart assets (charts.js, the Vega bundle, styles, locales) into docs/assets."""
    try:
        from build_scripts.charts.assets import copy_assets as copy_chart_assets
    except ImportError:
        copy_chart_assets = None
    if copy_chart_assets is not None:
        copy_chart_assets(docs_dir, list(settings.LANGUAGES))
    elif settings.ASSETS_DIR.is_dir():
        shutil.copytree(settings.ASSETS_DIR, docs_dir / "assets", dirs_exist_ok=True)


def copy_dropped_specs(docs_dir: Path, site_dir: Path) -> None:
    """Copy the chart specs (<name>.vl.json) to the site: mkdocs-static-i18n reads the ".vl" of such a
    file name as a language code and leaves the file out of every language's build."""
    for spec in sorted(docs_dir.rglob("*.vl.json")):
        dest = site_dir / spec.relative_to(docs_dir)
        if dest.parent.is_dir() and not dest.exists():
            shutil.copyfile(spec, dest)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_epoch(package_dir: Path) -> str:
    """The site's date (sitemap, gzip headers): the package's "created" time, so a build depends only on
    the package; settings.SOURCE_DATE_EPOCH when the descriptor has none."""
    import datetime as dt
    import json

    created = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8")).get("created")
    try:
        return str(int(dt.datetime.fromisoformat(str(created).replace("Z", "+00:00")).timestamp()))
    except ValueError:
        return settings.SOURCE_DATE_EPOCH


def run_mkdocs(config_path: Path, epoch: str = settings.SOURCE_DATE_EPOCH) -> None:
    """mkdocs build --strict, in process, with a fixed build date; its warnings become the failure."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ["SOURCE_DATE_EPOCH"] = epoch
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    propagate, level = logger.propagate, logger.level
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        config = load_config(config_file=str(config_path), strict=True)
        build(config)
    except (MkDocsException, SystemExit) as error:
        details = "; ".join(collect.messages[:20]) or str(error)
        raise BuildFailed(f"mkdocs build --strict: {details}") from None
    finally:
        logger.removeHandler(collect)
        logger.propagate, logger.level = propagate, level
