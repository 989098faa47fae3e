"""MkDocs hooks of the portal: table blocks given to MkDocs as HTML; a small search index a language,
byte-identical between builds.

Before Python-Markdown reads a page written as ``index.md`` (or ``index.<lang>.md``), its wrapped table
blocks become the HTML Python-Markdown would make of them (build_scripts/pages/html_blocks.py): parsing
the value tables was most of MkDocs' time. The generated Markdown stays as the templates wrote it.

mkdocs-static-i18n writes one search index holding every language, fetched by every page on load. After
it (its post-build step has priority -100), this hook splits it: the default language's entries stay in
search/search_index.json, each other language's go to <lang>/search/search_index.json with their "<lang>/"
prefix dropped; the theme override (build_scripts/overrides/main.html) points the pages of that language
at their own index. Entries are written in a fixed order (by location), compact and in UTF-8 (no \\u
escapes), so two builds of the same package give the same bytes. Running twice changes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

_ROOT = str(Path(__file__).resolve().parent.parent)  # MkDocs loads this file by its path, from any folder
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from build_scripts.pages import html_blocks  # noqa: E402


def _write(path: Path, config: dict, docs: list[dict]) -> None:
    data = {"config": config, "docs": sorted(docs, key=lambda d: (d.get("location", ""), d.get("title", "")))}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")


def languages(config) -> tuple[str, list[str]]:
    """The default language and the others, from mkdocs-static-i18n's configuration (none: ("", []))."""
    plugin = config["plugins"].get("i18n") if "plugins" in config else None
    if plugin is None:
        return "", []
    locales = [(lang.locale, bool(lang.default)) for lang in plugin.config.languages]
    default = next((locale for locale, is_default in locales if is_default), locales[0][0] if locales else "")
    return default, sorted(locale for locale, _ in locales if locale != default)


def split(data: dict, default: str, others: list[str]) -> dict[str, list[dict]]:
    """The index's entries by language: {"vi": [...], "en": [... locations without "en/"]}."""
    parts: dict[str, list[dict]] = {lang: [] for lang in [default, *others]}
    for doc in data.get("docs", []):
        location = doc.get("location", "")
        lang = next((o for o in others if location == o or location.startswith(f"{o}/")), default)
        if lang != default:
            doc = dict(doc, location=location[len(lang) + 1:] if location.startswith(f"{lang}/") else "")
        parts[lang].append(doc)
    return parts


def on_page_markdown(markdown, page, **kwargs):
    """A page whose folder is its address gets its table blocks as HTML (a relative link reads the same)."""
    if Path(page.file.src_uri).name.split(".")[0] == "index":
        return html_blocks.convert(markdown)
    return markdown


@event_priority(-200)  # after mkdocs-static-i18n (-100), which writes the index of every language
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    root = site / "search" / "search_index.json"
    if not root.is_file():
        return
    data = json.loads(root.read_text(encoding="utf-8"))
    default, others = languages(config)
    for lang, docs in split(data, default, others).items():
        if lang == default:
            _write(root, data.get("config", {}), docs)
        elif docs:
            _write(site / lang / "search" / "search_index.json", data.get("config", {}), docs)
