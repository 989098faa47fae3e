"""schema.org ``Dataset`` JSON-LD for the package (data page) and for one indicator (its page).

``package`` and ``indicator`` return dicts; ``script`` turns one into the ``<script type="application/ld+json">``
element a page embeds, with ``<``, ``>`` and ``&`` written as JSON escapes so that no text from the package
can close the element ("</" never appears raw). The properties follow what dataset search engines read:
name, description (50 to 5,000 characters), url, identifier, license, creator, version, keywords,
temporalCoverage, spatialCoverage, variableMeasured, distribution (DataDownload), isBasedOn (the sources).
"""

from __future__ import annotations

import json

from markupsafe import Markup

from build_scripts.research import common, links

MAX_BASED_ON = 20  # sources listed in an indicator's JSON-LD; the rest are on the sources pages


def _catalog(descriptor: dict, lang: str) -> dict:
    return {"@type": "DataCatalog", "name": common.t(lang, "jsonld_catalog"), "url": common.base_url(descriptor)}


def _creator(descriptor: dict) -> list[dict]:
    from build_scripts.research import citation

    return [{"@type": "Organization", "name": citation.author(descriptor), "url": common.base_url(descriptor)}]


def _license(descriptor: dict) -> str | None:
    licences = descriptor.get("licenses") or []
    return licences[0].get("path") if licences else None


def _distribution(records: list[dict]) -> list[dict]:
    return [{"@type": "DataDownload", "contentUrl": r["url"], "encodingFormat": r["media_type"],
             "contentSize": f"{r['bytes']} B", "sha256": r["sha256"]} for r in records]


def _span(first, last) -> str | None:
    return f"{common.jsonable(first)}/{common.jsonable(last)}" if first and last else None


def _common(descriptor: dict, lang: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "creator": _creator(descriptor),
        "datePublished": str(descriptor.get("created", ""))[:10] or None,
        "includedInDataCatalog": _catalog(descriptor, lang),
        "inLanguage": lang,
        "isAccessibleForFree": True,
        "license": _license(descriptor),
        "spatialCoverage": {"@type": "Place", "name": common.t(lang, "jsonld_country")},
        "version": descriptor.get("version"),
    }


def _theme_label(theme: str, lang: str) -> str:
    """The theme in words, from the site's translation files (the code itself where it has none)."""
    from build_scripts import i18n

    return i18n.label(lang, "themes", theme)


def _clean(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def package(con, descriptor: dict, sums: dict, lang: str) -> dict:
    common.ensure_long(con)
    coverage = common.query(con, "package_coverage")[0]
    url = common.site_url(descriptor, common.page_path("data", lang))
    indicators = common.query(con, "slice_indicators")
    return _clean({
        **_common(descriptor, lang),
        "@id": url + "#dataset",
        "name": common.text_in(descriptor, "title", lang),
        "description": common.text_in(descriptor, "description", lang),
        "url": url,
        "identifier": f"{descriptor.get('name')}@{descriptor.get('version')}",
        "keywords": list(descriptor.get("keywords", [])),
        "temporalCoverage": _span(coverage["first_start"], coverage["last_end"]),
        "variableMeasured": [row[f"name_{lang}"] or row["indicator_id"] for row in indicators],
        "distribution": _distribution(links.package_downloads(descriptor, sums)),
    })


def indicator(con, descriptor: dict, indicator_id: str, sums: dict, lang: str, unit_label: str | None = None,
              entry: dict | None = None) -> dict:
    """The Dataset of one indicator; unit_label is the canonical unit in words (else its code); entry is its
    row of slice_indicators.sql when the caller has it."""
    common.ensure_long(con)
    if entry is None:
        entry = next(r for r in common.query(con, "slice_indicators") if r["indicator_id"] == indicator_id)
    url = common.site_url(descriptor, common.page_path(links.page_directory("indicators", indicator_id), lang))
    name = entry[f"name_{lang}"] or entry["name_en"]
    description = common.t(lang, "jsonld_indicator_description", description=entry[f"description_{lang}"] or "",
                           units=entry["units"], first=common.jsonable(entry["first_start"]),
                           last=common.jsonable(entry["last_end"]), unit_label=unit_label or entry["unit"])
    sources = common.query(con, "indicator_sources", key=indicator_id)
    package_url = common.site_url(descriptor, common.page_path("data", lang))
    return _clean({
        **_common(descriptor, lang),
        "@id": url + "#dataset",
        "name": name,
        "description": description.strip()[:5000],
        "url": url,
        "identifier": indicator_id,
        "keywords": list(descriptor.get("keywords", [])) + [name, _theme_label(entry["theme"], lang)],
        "temporalCoverage": _span(entry["first_start"], entry["last_end"]),
        "variableMeasured": [{"@type": "PropertyValue", "propertyID": indicator_id, "name": name,
                              "unitText": entry["unit"], "description": entry[f"description_{lang}"]}],
        "distribution": _distribution(list(links.slice_downloads(descriptor, sums, "indicators", indicator_id).values())),
        "isPartOf": {"@type": "Dataset", "@id": package_url + "#dataset", "name": common.text_in(descriptor, "title", lang)},
        "isBasedOn": _based_on(descriptor, sources, lang),
    })


def _based_on(descriptor: dict, sources: list[dict], lang: str) -> list[dict]:
    """The sources that give the most figures (MAX_BASED_ON at most, so that a page stays light), then one
    entry pointing at the sources index for the rest; every source keeps its own page there."""
    ranked = sorted(sources, key=lambda s: (-s["figures"], s["source_id"]))
    works = [_clean({"@type": "CreativeWork", "name": s["title"] or s["url"], "url": s["url"],
                     "datePublished": s["published"], "inLanguage": s["language"],
                     "publisher": {"@type": "Organization", "name": s["publisher"]}}) for s in ranked[:MAX_BASED_ON]]
    rest = len(ranked) - MAX_BASED_ON
    if rest > 0:
        works.append({"@type": "CreativeWork", "name": common.t(lang, "jsonld_more_sources", n=rest),
                      "url": common.site_url(descriptor, common.page_path("sources", lang))})
    return works


def dumps(data: dict) -> str:
    """The JSON text for inside a <script> element: keys sorted, and <, > and & escaped as \\u003c..."""
    text = json.dumps(common.jsonable(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script(data: dict) -> Markup:
    """The element a page embeds (raw HTML in the Markdown: Python-Markdown keeps <script> blocks as they are)."""
    return Markup(f'<script type="application/ld+json">\n{dumps(data)}\n</script>\n')
