"""The floor: a bare mkdocs-material site of as many pages as the portal built, in the same run.

Each page is one title and a 20-row, 4-column Markdown table; pages are grouped in folders of 50 (the
navigation MkDocs makes from the folders, pruned with navigation.prune as a big site would be); the search
plugin indexes every page. No i18n plugin, no hooks, no overrides, no charts: what MkDocs and the theme cost
for that many pages, which no portal page can cost less than. The portal's build and its MkDocs phase are
compared against this site's build (`make bench`'s "floor" lines); the older comparison, MkDocs on the
portal's own Markdown, stays beside it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks import harness

PER_FOLDER = 50
ROWS = 20

CONFIG = """site_name: Floor
site_url: https://example.org/
use_directory_urls: true
theme:
  name: material
  font: false
  features:
    - navigation.prune
plugins:
  - search
"""


def _page(i: int) -> str:
    lines = [f"# Page {i}", "", "| year | value | unit | source |", "| --- | ---: | --- | --- |"]
    lines += [f"| {2000 + r} | {(i * 37 + r * 11) % 10_000:,} | tỷ đồng | Nguồn {r} |" for r in range(ROWS)]
    return "\n".join(lines) + "\n"


def write(root: Path, pages: int) -> Path:
    """The floor site's sources in root (docs/ and mkdocs.yml): `pages` pages, index.md included."""
    shutil.rmtree(root, ignore_errors=True)
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(_page(0), encoding="utf-8")
    for i in range(1, max(1, pages)):
        folder = docs / f"section-{(i - 1) // PER_FOLDER:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"page-{i:05d}.md").write_text(_page(i), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


def build(work: Path, pages: int) -> dict:
    """Write and build the floor site of `pages` pages in work/floor; wall, CPU and peak memory."""
    root = work / "floor"
    config = write(root, pages)
    run = harness.run_measured([harness.PY, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(root / "site")],
                               work / "floor.log", {"SOURCE_DATE_EPOCH": "0"})
    if run["exit"] != 0:
        raise harness.BenchError(f"the floor site's mkdocs build failed (exit {run['exit']}); see {run['log']}")
    run["pages"] = sum(1 for p in (root / "site").rglob("*.html") if p.name != "404.html")
    shutil.rmtree(root, ignore_errors=True)
    return run
