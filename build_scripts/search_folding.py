"""MkDocs hook: search finds Vietnamese words typed without their diacritics ("bac ninh" finds "Bắc Ninh").

mkdocs-material's search (lunr) matches words letter for letter. After the build, each entry of every
search index (one a language) gets two more fields, ``title_plain`` and ``text_plain``: the entry's words
that carry a diacritic, written without it (NFD, combining marks removed, đ as d). The fields are declared
in the index's ``config.fields``, which the search worker indexes like title and text (same boosts); the
results still show the original title and text. Running twice changes nothing. The hook runs after
mkdocs-static-i18n, whose own post-build step (priority -100) rewrites the index.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

from mkdocs.plugins import event_priority

FIELDS = {"title": "title_plain", "text": "text_plain"}
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """The text without diacritics: 'Bắc Ninh, Đông Anh' -> 'Bac Ninh, Dong Anh'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def plain_words(text: str) -> str:
    """The words of an index entry's text (HTML) that change when folded, folded, once each, in order."""
    words = _WORD.findall(html.unescape(_TAG.sub(" ", text or "")))
    seen: dict[str, None] = {}
    for word in words:
        folded = fold(word)
        if folded != word:
            seen.setdefault(folded.casefold(), None)
    return " ".join(seen)


def add_plain_fields(data: dict) -> dict:
    """The search index with the plain fields added to its config and to every entry that needs them."""
    fields = data.setdefault("config", {}).setdefault("fields", {})
    for source, plain in FIELDS.items():
        if plain not in fields:
            fields[plain] = dict(fields.get(source) or {"boost": 1})
    for doc in data.get("docs", []):
        for source, plain in FIELDS.items():
            words = plain_words(doc.get(source, ""))
            if words:
                doc[plain] = words
            else:
                doc.pop(plain, None)
    return data


@event_priority(-200)  # after mkdocs-static-i18n (-100), which writes the final index of every language
def on_post_build(config, **kwargs):
    for index in sorted(Path(config["site_dir"]).rglob("search/search_index.json")):
        data = add_plain_fields(json.loads(index.read_text(encoding="utf-8")))
        index.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
