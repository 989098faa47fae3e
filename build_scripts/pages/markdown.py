"""Text from the package reaches a page as text: escaped for Markdown and HTML alike, links only for http(s).

``escape`` turns every character Markdown or HTML could read as markup into a character reference
(``*`` -> ``&#42;``), collapses whitespace (a table cell or a heading stays one line) and normalises to
NFC. ``link`` makes a Markdown link only when the address is http or https; anything else is shown as
escaped text. The Jinja environment (render.py) escapes every expression with ``escape`` unless it is
``Markup`` made here.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from markupsafe import Markup

# Characters with a meaning in Markdown (Python-Markdown and its extensions) or HTML.
_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~^=$"}
_SPECIAL.update({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
_PATTERN = re.compile("|".join(re.escape(c) for c in _SPECIAL))
_LEADING_LIST = re.compile(r"^(\d+)([.)])")
_HTTP_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)
_URL_SAFE = "/:?#@!$&*+,;=%~-._"  # kept as is in an address; everything else is percent-encoded


def escape(value) -> Markup:
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = unicodedata.normalize("NFC", " ".join(str(value).split()))
    text = _PATTERN.sub(lambda m: _SPECIAL[m.group(0)], text)
    if text.startswith("-"):
        text = "&#45;" + text[1:]  # not a list item
    text = _LEADING_LIST.sub(lambda m: m.group(1) + f"&#{ord(m.group(2))};", text)  # not an ordered list
    return Markup(text)


def safe_url(url) -> str | None:
    """The address percent-encoded for a Markdown link, or None when it is not http(s)."""
    if url is None or not _HTTP_URL.fullmatch(str(url).strip()):
        return None
    encoded = quote(str(url).strip(), safe=_URL_SAFE)
    return encoded.replace("*", "%2A").replace("(", "%28").replace(")", "%29")


def link(url, text=None) -> Markup:
    """A Markdown link to an http(s) address; escaped text only for any other scheme."""
    label = escape(text if text not in (None, "") else url)
    href = safe_url(url)
    if href is None:
        return label
    return Markup(f"[{label}]({href})")


def internal_link(path: str, text) -> Markup:
    """A link to a page or file of the site itself (a relative path the build made, never package text)."""
    if not re.fullmatch(r"[A-Za-z0-9_./-]+(#[a-z0-9_-]+)?", path):
        raise ValueError(f"not a site path: {path!r}")
    return Markup(f"[{escape(text)}]({path})")
