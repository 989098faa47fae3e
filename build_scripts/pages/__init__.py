"""Page generation: one module a page type (see registry.py), rendered through templates/ in every language."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from build_scripts.pages import render
from build_scripts.pages.registry import PAGE_TYPES
from build_scripts.pages.site import Site, page_file


def generate(site: Site, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Write every page of every type in every language under site.out_dir; returns pages per type."""
    counts = {}
    for page_type in PAGE_TYPES:
        module = page_type.load()
        n = 0
        for key in module.keys(site):
            for lang in site.languages:
                text = render.render(module.TEMPLATE, lang, **module.model(site, key, lang))
                write_text(site.out_dir / page_file(module.directory(key), lang), text)
                n += 1
        counts[page_type.name] = n
        if progress:
            progress(page_type.name, n)
    return counts


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
