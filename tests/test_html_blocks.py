"""Wrapped table blocks written as HTML give the page Python-Markdown would have made from the Markdown."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from build_scripts.pages import html_blocks
from build_scripts.pages.markdown import escape, link

EXTENSIONS = ["tables", "attr_list", "md_in_html"]  # those of mkdocs.yml that read a table block


class _Tree(HTMLParser):
    """Elements, attributes and text, without the whitespace between tags or the block's search mark."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        attrs = sorted((k, v or "") for k, v in attrs if not (tag == "div" and k == "data-search-exclude"))
        self.items.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.items.append(("end", tag))

    def handle_data(self, data):
        if data.strip():
            self.items.append(("text", " ".join(data.split())))


def tree(html: str) -> list[tuple]:
    parser = _Tree()
    parser.feed(html)
    return parser.items


def page(body: str) -> str:
    return f"# Title\n\nIntro.\n\n{html_blocks.OPEN}\n\n{body}\n\n{html_blocks.CLOSE}\n\nAfter.\n"


def rendered(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


NAME = escape("Hà Nội (cũ) *1* [a] | b_c")
SOURCE = link("https://example.org/a?b=1&c=(2)", "Tổng cục Thống kê <GSO>")
CASES = {
    "a value table": f"| Kỳ | Giá trị | Nguồn |\n| --- | ---: | --- |\n| 2024 | 1.234,5 | {SOURCE} |\n| 2023 | 99 | {SOURCE} |",
    "alignment and short rows": "| a | b | c |\n| :--- | :---: | ---: |\n| 1 | 2 |\n| 1 | 2 | 3 | 4 |",
    "strong and escaped text": f"| tên | x |\n| --- | --- |\n| **{NAME}** | {NAME} |",
    "an English note and code": '| a | b |\n| --- | --- |\n| 1: <span lang="en">note &#40;x&#41;</span> | <code>abc123</code> |',
    "a sparkline image": '| a | b |\n| --- | --- |\n| x | <img class="bn-sparkline" src="s/a.svg" alt="Đường &quot;x&quot;" width="1" height="2"> |',
    "a list and a paragraph": f"Every figure, one row\na line.\n\n- **{SOURCE}**: **1,368 persons** (actual).\n- two\n\n| a |\n| --- |\n| 1 |",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_html_is_what_python_markdown_makes(name):
    text = page(CASES[name])
    converted = html_blocks.convert(text)
    assert html_blocks.OPEN not in converted, "the block stayed Markdown"
    assert tree(rendered(converted)) == tree(rendered(text))


def test_the_block_keeps_its_search_mark():
    html = rendered(html_blocks.convert(page("| a |\n| --- |\n| 1 |")))
    assert "<div data-search-exclude>" in html


@pytest.mark.parametrize("address, url", [
    ("../../provinces/bac-ninh/index.md", "../../provinces/bac-ninh/"),
    ("index.md", "./"),
    ("../../data/index.md#downloads", "../../data/#downloads"),
    ("../../methodology.md", "../../methodology/"),
    ("#downloads", "#downloads"),
])
def test_a_link_to_a_page_gets_the_address_mkdocs_gives_it(address, url):
    html = html_blocks.convert(page(f"| a |\n| --- |\n| [Bắc Ninh]({address}) |"))
    assert f'<td><a href="{url}">Bắc Ninh</a></td>' in html


@pytest.mark.parametrize("body", [
    "| a |\n| --- |\n| [x.csv](../../downloads/x.csv) |",  # a file: mkdocs-static-i18n rewrites it a language at a time
    "| a |\n| --- |\n| `code` |",
    "| a |\n| --- |\n| _emphasis_ |",
    "> a quotation\n\n| a |\n| --- |\n| 1 |",
    "### A heading\n\n| a |\n| --- |\n| 1 |",
    "| a |\n| --- |\n| ![image](x.png) |",
])
def test_other_markdown_leaves_the_whole_block_as_it_was(body):
    text = page(body)
    assert html_blocks.convert(text) == text


def test_a_block_not_after_a_blank_line_is_left_alone():
    text = f"Intro.\n{html_blocks.OPEN}\n\n| a |\n| --- |\n| 1 |\n\n{html_blocks.CLOSE}\n"
    assert html_blocks.convert(text) == text


def test_mkdocs_converts_the_pages_whose_folder_is_their_address_only():
    from types import SimpleNamespace

    from build_scripts import mkdocs_hooks

    text = page("| a |\n| --- |\n| [x](../b/index.md) |")
    for src, converted in (("indicators/x/index.md", True), ("indicators/x/index.en.md", True), ("index.md", True),
                           ("methodology.md", False), ("methodology.en.md", False)):
        out = mkdocs_hooks.on_page_markdown(text, page=SimpleNamespace(file=SimpleNamespace(src_uri=src)))
        assert (html_blocks.OPEN not in out) is converted, src
