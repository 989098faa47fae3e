"""Ready citations for the package and for one indicator, in each language of the site, and their BibTeX.

The sentence patterns are words (``i18n/<lang>.yml``: package_citation, indicator_citation); this module
only gathers the parts from the package descriptor (author, year of ``created``, title, version) and the
indicator's catalogue entry. No build date enters a citation: the same package cites the same way.
"""

from __future__ import annotations

import re

from build_scripts.research import common

_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                "_": r"\_", "$": r"\$", "^": r"\^{}", "~": r"\~{}"}


def bib_escape(text: str) -> str:
    """Text for a BibTeX field: LaTeX specials escaped, backticks dropped (the field sits in a code block)."""
    text = " ".join(str(text).replace("`", "'").split())
    return "".join(_BIB_SPECIAL.get(c, c) for c in text)


def author(descriptor: dict) -> str:
    names = [c.get("title") for c in descriptor.get("contributors", []) if c.get("role", "author") == "author"]
    return "; ".join(n for n in names if n) or descriptor.get("name", "")


def year(descriptor: dict, lang: str) -> str:
    created = str(descriptor.get("created") or "")
    return created[:4] if re.match(r"[0-9]{4}", created) else common.t(lang, "no_year")


def package(descriptor: dict, lang: str) -> dict:
    parts = {
        "author": author(descriptor),
        "year": year(descriptor, lang),
        "title": common.text_in(descriptor, "title", lang),
        "version": descriptor.get("version", ""),
        "url": common.site_url(descriptor, common.page_path("data", lang)),
    }
    key = f"{descriptor.get('name', 'package')}-{parts['version']}"
    return {
        **parts,
        "text": common.t(lang, "package_citation", **parts),
        "bibtex": bibtex(key, parts, parts["title"]),
    }


def indicator(descriptor: dict, entry: dict, lang: str) -> dict:
    """The citation of one indicator (entry: its row of the indicators resource)."""
    name = entry.get(f"name_{lang}") or entry.get("name_en") or entry["indicator_id"]
    parts = {
        "author": author(descriptor),
        "year": year(descriptor, lang),
        "title": common.text_in(descriptor, "title", lang),
        "version": descriptor.get("version", ""),
        "indicator": name,
        "indicator_id": entry["indicator_id"],
        "url": common.site_url(descriptor, common.page_path(f"indicators/{entry['indicator_id']}", lang)),
    }
    key = f"{descriptor.get('name', 'package')}-{parts['version']}-{entry['indicator_id']}"
    return {
        **parts,
        "text": common.t(lang, "indicator_citation", **parts),
        "bibtex": bibtex(key, parts, common.t(lang, "indicator_bib_title", **parts)),
    }


def bibtex(key: str, parts: dict, title: str) -> str:
    fields = [
        ("author", "{" + bib_escape(parts["author"]) + "}"),
        ("title", "{" + bib_escape(title) + "}"),
        ("year", bib_escape(parts["year"])),
        ("version", bib_escape(parts["version"])),
        ("url", parts["url"]),
        ("note", bib_escape(common.t("en", "bib_note"))),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{re.sub(r'[^A-Za-z0-9_.:-]', '-', key)},\n{body}\n}}"


def cff(descriptor: dict) -> dict:
    """The package's CITATION.cff (Citation File Format 1.2.0) as data; the repository's CITATION.cff is the
    same for datapackage/ (tested), and the site serves this one at downloads/CITATION.cff."""
    import datetime as dt

    data = {
        "cff-version": "1.2.0",
        "message": " ".join(common.t("en", "cff_message").split()),
        "type": "dataset",
        "title": descriptor.get("title", ""),
        "abstract": descriptor.get("description", ""),
        "authors": [{"name": c["title"]} for c in descriptor.get("contributors", [])
                    if c.get("title") and c.get("role", "author") == "author"],
        "version": descriptor.get("version", ""),
        "license": (descriptor.get("licenses") or [{}])[0].get("name"),
        "url": descriptor.get("homepage"),
        "keywords": list(descriptor.get("keywords", [])),
    }
    created = str(descriptor.get("created") or "")
    if re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", created):
        data["date-released"] = dt.date.fromisoformat(created[:10])
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def cff_text(descriptor: dict) -> str:
    import yaml

    return yaml.safe_dump(cff(descriptor), allow_unicode=True, sort_keys=False, width=100)
