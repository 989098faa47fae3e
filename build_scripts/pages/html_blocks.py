"""The table blocks of a generated page as HTML: MkDocs then keeps them as they are instead of parsing them.

Python-Markdown spends most of a big page's time on its pipe tables: splitting rows and running every
inline pattern over every cell (a heavy page holds thousands of cells). The templates write each table
(and the lists and sentences around it) inside ``<div markdown="1" data-search-exclude>``; ``convert``
turns such a block into the HTML Python-Markdown would give when every part of it is one of:

- a pipe table, a list of one-line ``- `` items, or a paragraph, between blank lines;
- text already escaped by ``markdown.escape`` (character references are HTML as they are);
- ``[label](address)`` links: an http(s) address as it is; a page of the site (``…/index.md``,
  ``…/name.md``, with an optional ``#anchor``) as the address MkDocs gives it from an ``index.md`` page
  (``…/``, ``…/name/``); ``#anchor`` as it is;
- ``**strong**`` text, and the inline ``<span …>``, ``<code>`` and ``<img …>`` tags the templates write
  (Python-Markdown keeps inline HTML as it is too).

Anything else (a heading, a quotation, code, emphasis, a link to a file, which mkdocs-static-i18n rewrites
for each language) leaves the whole block as Markdown, so the page reads the same either way. The block
keeps its ``data-search-exclude`` mark. The MkDocs hook (build_scripts/mkdocs_hooks.py) converts the pages
written as ``index.md`` (or ``index.<lang>.md``) only, as MkDocs reads them: their folder is their address,
so a relative link means the same in both forms; the generated Markdown stays as the templates wrote it.
"""

from __future__ import annotations

import html
import re

OPEN = '<div markdown="1" data-search-exclude>'
CLOSE = "</div>"

_SEPARATOR = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")
_TOKEN = re.compile(
    r"(?P<link>\[(?P<label>[^\[\]]*)\]\((?P<href>[^()\s]*)\))"
    r"|(?P<strong>\*\*(?P<inner>[^*]+)\*\*)"
    r"|(?P<tag></?(?:span|code|img)(?:\s[^<>]*)?>)"
    r"|(?P<entity>&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)"
    r"|(?P<text>[^\[\]()*_`\\<>&{}!|\n]+)|(?P<newline>\n)"
    r"|(?P<paren>[()!])"
)
_PAGE = re.compile(r"(?P<path>(?:[A-Za-z0-9_.-]+/)*)(?P<name>[A-Za-z0-9_-]+)\.md(?P<anchor>#[A-Za-z0-9_-]+)?")


class NotPlain(Exception):
    """A table uses Markdown this module does not write as HTML: it stays Markdown."""


def _href(address: str) -> str:
    if address.startswith(("http://", "https://")):
        return html.escape(address, quote=True)
    if re.fullmatch(r"#[A-Za-z0-9_-]+", address):
        return address
    page = _PAGE.fullmatch(address)
    if page is None or address.startswith("/"):
        raise NotPlain(address)
    url = page["path"] + ("" if page["name"] == "index" else page["name"] + "/")
    return (url or "./") + (page["anchor"] or "")


def inline(text: str, strong: bool = True) -> str:
    """One cell's Markdown as HTML; NotPlain when it holds anything but the constructs listed above."""
    out, at = [], 0
    while at < len(text):
        m = _TOKEN.match(text, at)
        if m is None:
            raise NotPlain(text[at:at + 20])
        if m["link"]:
            out.append(f'<a href="{_href(m["href"])}">{inline(m["label"], strong=False)}</a>')
        elif m["strong"]:
            if not strong:
                raise NotPlain(m["strong"])
            out.append(f"<strong>{inline(m['inner'], strong=False)}</strong>")
        elif m["paren"] == "!" and text.startswith("[", m.end()):
            raise NotPlain("an image")
        else:
            out.append(m.group(0))
        at = m.end()
    return "".join(out)


def _cells(line: str) -> list[str]:
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")) or len(line) < 2:
        raise NotPlain(line[:20])
    return [cell.strip() for cell in line[1:-1].split("|")]


def table(lines: list[str]) -> list[str]:
    """A pipe table's lines as Python-Markdown's HTML (one element a line)."""
    if len(lines) < 2 or not _SEPARATOR.fullmatch(lines[1].strip()):
        raise NotPlain("no separator row")
    aligns = []
    for cell in _cells(lines[1]):
        left, right = cell.startswith(":"), cell.endswith(":")
        aligns.append(' style="text-align: center;"' if left and right else ' style="text-align: right;"' if right
                      else ' style="text-align: left;"' if left else "")
    header = _cells(lines[0])
    if len(header) != len(aligns):
        raise NotPlain("header and separator differ")

    def row(line: str, tag: str) -> list[str]:
        cells = (_cells(line) + [""] * len(aligns))[:len(aligns)]
        return ["<tr>", *(f"<{tag}{align}>{inline(cell)}</{tag}>" for cell, align in zip(cells, aligns)), "</tr>"]

    out = ["<table>", "<thead>", *row(lines[0], "th"), "</thead>", "<tbody>"]
    for line in lines[2:]:
        out += row(line, "td")
    return out + ["</tbody>", "</table>"]


_BLOCK_START = re.compile(r"(#|>|[-*+]\s|\d+[.)]|<|`|\s|[=-]+$)")


def _chunk(lines: list[str]) -> list[str]:
    """One block of lines between blank lines: a table, a list of one-line items, or a paragraph."""
    if all(line.startswith("|") for line in lines):
        return table(lines)
    if all(line.startswith("- ") for line in lines):
        return ["<ul>", *(f"<li>{inline(line[2:].strip())}</li>" for line in lines), "</ul>"]
    if any(_BLOCK_START.match(line) or line.endswith("  ") for line in lines):
        raise NotPlain(lines[0][:20])
    return [f"<p>{inline(chr(10).join(lines))}</p>"]


def _block(body: list[str]) -> list[str]:
    """The lines between OPEN and CLOSE as HTML: tables, lists and paragraphs between blank lines."""
    out, chunk = [], []
    for line in [*body, ""]:
        if line.strip():
            chunk.append(line)
        elif chunk:
            out += _chunk(chunk)
            chunk = []
    return out


def convert(text: str) -> str:
    """The page's Markdown with every wrapped table block that can be HTML written as HTML."""
    if OPEN not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line != OPEN or (out and out[-1].strip()):  # a block starts after a blank line, as Markdown needs
            out.append(line)
            i += 1
            continue
        try:
            end = lines.index(CLOSE, i + 1)
        except ValueError:
            out.extend(lines[i:])
            break
        body = lines[i + 1:end]
        try:
            out += ["<div data-search-exclude>", *_block(body), CLOSE]
        except NotPlain:
            out += lines[i:end + 1]
        i = end + 1
    return "\n".join(out)
