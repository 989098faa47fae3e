"""What a built site weighs: its size, every HTML page's size, and the bytes a page transfers.

A page transfers its HTML and what it references: stylesheets, scripts and images (src/href of <link
rel=stylesheet>, <script>, <img>), each chart's Vega-Lite spec (data-spec) and the data file the spec names,
and on a page with a live chart the Vega bundle and the locales charts.js loads. Raw bytes and gzip
(level 6, what a static host sends). Files referenced from CSS (fonts, icons) are not counted.
"""

from __future__ import annotations

import gzip
import json
import statistics
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

PAGE_LIMIT = 100 * 1024
CHART_LOADS = ("assets/javascripts/vendor/vega-bundle.js", "assets/javascripts/chart-locales.json")


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.specs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.refs.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.refs.append(a["src"])
        if a.get("data-spec"):
            self.specs.append(a["data-spec"])


def _local(site: Path, page: Path, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    target = (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    target = target.resolve()
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and site in target.parents else None


class _Sizes:
    def __init__(self):
        self.cache: dict[Path, tuple[int, int]] = {}

    def __call__(self, file: Path) -> tuple[int, int]:
        if file not in self.cache:
            data = file.read_bytes()
            self.cache[file] = (len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))
        return self.cache[file]


def page_files(site: Path, page: Path) -> tuple[set[Path], list[str]]:
    """The files a page loads, and the references that point to no file of the site (external or missing)."""
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    files, missing = {page}, []
    for ref in parser.refs + parser.specs:
        target = _local(site, page, ref)
        if target is None:
            if urlsplit(ref).scheme not in ("data",):
                missing.append(ref)
            continue
        files.add(target)
        if ref in parser.specs:
            try:
                data = json.loads(target.read_text(encoding="utf-8")).get("data", {})
            except (ValueError, AttributeError):
                data = {}
            url = data.get("url") if isinstance(data, dict) else None
            if url:
                data_file = _local(site, target, url)
                files.update([data_file] if data_file else [])
    if parser.specs:
        files.update(p for p in (site / rel for rel in CHART_LOADS) if p.is_file())
    return files, sorted(missing)


def measure(site: Path) -> dict:
    """Site size, page sizes (median, largest, count over 100 KB) and bytes transferred a page."""
    site = Path(site).resolve()
    all_files = sorted(p for p in site.rglob("*") if p.is_file())
    pages = sorted(p for p in all_files if p.suffix == ".html" and p.name != "404.html")
    sizes = _Sizes()
    page_bytes = {p: p.stat().st_size for p in pages}
    transfers = {}
    external: set[str] = set()
    for page in pages:
        files, missing = page_files(site, page)
        external.update(m for m in missing if urlsplit(m).scheme in ("http", "https") or urlsplit(m).netloc)
        raw = sum(sizes(f)[0] for f in files)
        gz = sum(sizes(f)[1] for f in files)
        transfers[page] = (raw, gz, len(files))
    if not pages:
        return {"site_bytes": sum(p.stat().st_size for p in all_files), "site_files": len(all_files), "pages": 0}
    largest = max(pages, key=lambda p: (page_bytes[p], p.as_posix()))
    heaviest = max(pages, key=lambda p: (transfers[p][1], p.as_posix()))
    by_gz = sorted(transfers[p][1] for p in pages)
    median_page = sorted(pages, key=lambda p: (transfers[p][1], p.as_posix()))[len(pages) // 2]
    return {
        "site_bytes": sum(p.stat().st_size for p in all_files),
        "site_files": len(all_files),
        "pages": len(pages),
        "page_median_bytes": int(statistics.median(page_bytes.values())),
        "page_largest_bytes": page_bytes[largest],
        "page_largest": largest.relative_to(site).as_posix(),
        "pages_over_100kb": sum(1 for b in page_bytes.values() if b > PAGE_LIMIT),
        "transfer_median_gzip": int(statistics.median(by_gz)),
        "transfer_median_raw": transfers[median_page][0],
        "transfer_max_gzip": transfers[heaviest][1],
        "transfer_max_raw": transfers[heaviest][0],
        "transfer_max_page": heaviest.relative_to(site).as_posix(),
        "transfer_max_files": transfers[heaviest][2],
        "external_refs": sorted(external),
    }
