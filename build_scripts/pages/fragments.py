"""The researchers' blocks of the pages, as Markdown the page templates include as they are.

``build_scripts.research.publish`` writes the files; the functions here turn what it returned into blocks:

    indicator(pub, indicator_id, lang, unit_label=None) -> {"downloads", "cite", "jsonld"}   /indicators/<id>/
    unit(pub, unit_id, lang)                            -> {"downloads"}                      /provinces/<id>/
    data(pub, lang, indicator_id, unit_id)              -> {"slices", "package_downloads", "snippets", "cite", "jsonld"}
    snippet_subject(pub, focus_id, preferred)           -> (indicator_id, unit_id) for data()

With pub None (a page model built without publish) every block is empty Markup.

Each value is ``Markup`` (already escaped Markdown, or the JSON-LD <script> element), rendered with the
site's Jinja environment (build_scripts.pages.render) from templates/research/_*.md.j2 and the words in
research/i18n/<lang>.yml. Links are relative to the page's folder, so they work under any base address.
"""

from __future__ import annotations

import os
import re

from markupsafe import Markup

from build_scripts.pages import render
from build_scripts.research import citation, common, jsonld, links

_SLUG = re.compile(r"[a-z0-9]+([_-][a-z0-9]+)*")


def _render(template: str, lang: str, **context) -> Markup:
    text = render.environment(lang).get_template(f"research/{template}").render(w=common.words(lang), **context)
    return Markup("\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n")


def code(value: str) -> Markup:
    """An id for inside a code block or span (no escaping there): only plain slugs are allowed."""
    if not _SLUG.fullmatch(value):
        raise ValueError(f"{value!r} is not a plain id and cannot be put in a code block")
    return Markup(value)


def href(page_dir: str, path: str) -> str:
    """A relative link from the page in page_dir (a folder under the site root) to a file of the site."""
    return os.path.relpath(path, page_dir or ".").replace(os.sep, "/")


def _files(pub, page_dir: str, kind: str, key: str) -> list[dict]:
    return [{**record, "name": record["path"].rsplit("/", 1)[-1], "href": href(page_dir, record["path"])}
            for record in links.slice_downloads(pub.descriptor, pub.sums, kind, key).values()]


def _downloads(pub, kind: str, key: str, lang: str, page_dir: str, intro_key: str) -> Markup:
    name = pub.unit_entry(key).get(f"name_{lang}") if kind == "units" else None
    return _render(
        "_downloads.md.j2", lang,
        intro=common.t(lang, intro_key, name=name or key),
        files=_files(pub, page_dir, kind, key),
        rows=pub.rows(kind, key),
        data_href=href(page_dir, "data/index.md"),
        api_href=href(page_dir, links.api_path(kind, key)),
        api_name=links.api_path(kind, key).rsplit("/", 1)[-1],
        sums_href=href(page_dir, "downloads/SHA256SUMS"),
    )


def _empty(*names: str) -> dict[str, Markup]:
    """No blocks: for a page model built without publish (a page test, or a build without downloads)."""
    return {name: Markup("") for name in names}


def indicator(pub, indicator_id: str, lang: str, unit_label: str | None = None) -> dict[str, Markup]:
    if pub is None:
        return _empty("downloads", "cite", "jsonld")
    page_dir = links.page_directory("indicators", indicator_id)
    entry = pub.indicator_entry(indicator_id)
    cite = citation.indicator(pub.descriptor, entry, lang)
    return {
        "downloads": _downloads(pub, "indicators", indicator_id, lang, page_dir, "downloads_indicator_intro"),
        "cite": _render("_cite.md.j2", lang, intro=common.t(lang, "cite_indicator_intro"), citation=cite,
                        bibtex=Markup(cite["bibtex"]), cff_href=None),
        "jsonld": jsonld.script(jsonld.indicator(pub.con, pub.descriptor, indicator_id, pub.sums, lang, unit_label,
                                                 entry)),
    }


def unit(pub, unit_id: str, lang: str) -> dict[str, Markup]:
    if pub is None:
        return _empty("downloads")
    page_dir = links.page_directory("units", unit_id)
    return {"downloads": _downloads(pub, "units", unit_id, lang, page_dir, "downloads_unit_intro")}


def data(pub, lang: str, indicator_id: str, unit_id: str, base: str | None = None) -> dict[str, Markup]:
    """The data page's blocks; the snippets read indicator_id's and unit_id's slices (pick ones with figures).

    base is where the snippets read the downloads from: the site's downloads/ address by default (tests
    pass a local folder)."""
    if pub is None:
        return _empty("slices", "package_downloads", "snippets", "cite", "jsonld")
    page_dir = "data"
    cite = citation.package(pub.descriptor, lang)
    groups = []
    for kind, title_key, name_key in (("indicators", "slices_title_indicators", "slice_indicator_name"),
                                      ("units", "slices_title_units", "slice_unit_name")):
        items = []
        for item in pub.slices_of(kind):
            entry = pub.indicator_entry(item.key) if kind == "indicators" else pub.unit_entry(item.key)
            items.append({
                "key": code(item.key),
                "name": entry.get(f"name_{lang}") or item.key,
                "rows": item.rows,
                "page_href": href(page_dir, links.page_directory(kind, item.key) + "/index.md") if pub.has_page(kind, item.key) else None,
                "files": _files(pub, page_dir, kind, item.key),
                "api_href": href(page_dir, links.api_path(kind, item.key)),
            })
        groups.append({"title": common.t(lang, title_key), "name_header": common.t(lang, name_key), "items": items})
    package_files = [{**r, "name": r["path"].rsplit("/", 1)[-1], "href": href(page_dir, r["path"])}
                     for r in links.package_downloads(pub.descriptor, pub.sums)]
    return {
        "slices": _render("_slices.md.j2", lang, groups=groups, sums_href=href(page_dir, "downloads/SHA256SUMS")),
        "package_downloads": _render("_package_downloads.md.j2", lang, files=package_files,
                                     sums_href=href(page_dir, "downloads/SHA256SUMS")),
        "snippets": snippets(pub, lang, indicator_id, unit_id, base),
        "cite": _render("_cite.md.j2", lang, intro=common.t(lang, "cite_package_intro"), citation=cite,
                        bibtex=Markup(cite["bibtex"]),
                        cff_href=href(page_dir, "downloads/CITATION.cff") if "downloads/CITATION.cff" in pub.sums else None),
        "jsonld": jsonld.script(jsonld.package(pub.con, pub.descriptor, pub.sums, lang)),
    }


_BASE = re.compile(r"(https?://[A-Za-z0-9._~:/-]+|/[A-Za-z0-9._~/-]+)/")


def snippets(pub, lang: str, indicator_id: str, unit_id: str, base: str | None = None) -> Markup:
    """The DuckDB, pandas and R snippets, with what the Python ones print (computed from the same figures)."""
    base = base or common.site_url(pub.descriptor, "downloads/")
    if not _BASE.fullmatch(base):
        raise ValueError(f"{base!r} cannot be put in a snippet: an http(s) address or absolute folder ending in /")
    series = common.query(pub.con, "snippet_series", indicator_id=indicator_id, unit_id=unit_id)
    counts = common.query(pub.con, "snippet_top_indicators", unit_id=unit_id)
    return _render(
        "_snippets.md.j2", lang,
        base=Markup(base), indicator_id=code(indicator_id), unit_id=code(unit_id),
        series_lines=[Markup(f"{r['period']} {r['value']!r}") for r in series],
        count_lines=[Markup(f"{r['indicator_id']} {r['figures']}") for r in counts],
    )


def snippet_subject(pub, focus_id: str, preferred: list[str] | tuple = ()) -> tuple[str, str]:
    """The (indicator_id, unit_id) the snippets read: the focus province if it has figures (else the unit
    with the most), and the first preferred indicator (say, the headline ones) it has outcomes for."""
    if pub is None:
        return "", ""
    units = {s.key: s.rows for s in pub.slices_of("units")}
    unit_id = focus_id if focus_id in units else sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    has = {row["indicator_id"] for row in common.query(pub.con, "snippet_unit_indicators", unit_id=unit_id)}
    for indicator_id in list(preferred) + sorted(has):
        if indicator_id in has and common.query(pub.con, "snippet_series", indicator_id=indicator_id, unit_id=unit_id):
            return indicator_id, unit_id
    return sorted(has)[0], unit_id
