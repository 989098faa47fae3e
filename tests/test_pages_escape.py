"""Text from the package is text: Markdown and HTML specials escaped, template code never run, links only
to http(s) addresses."""

from __future__ import annotations

import markdown as python_markdown
import pytest

from build_scripts.pages import markdown, render


def html(text: str) -> str:
    return python_markdown.markdown(str(text), extensions=["tables", "attr_list", "md_in_html"])


@pytest.mark.parametrize("text", [
    "Tin *nhanh* [kinh tế](javascript:alert(1)) <script>alert(1)</script>",
    "- not a list", "1. not a list", "# not a heading", "a | b", "`code`", "{: .class }", "_under_ **bold**",
    "<img src=x onerror=alert(1)>", "&amp; &lt;",
])
def test_escaped_text_renders_as_the_same_text(text):
    rendered = html(markdown.escape(text))
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "<em>" not in rendered and "<strong>" not in rendered and "<code>" not in rendered
    assert "<h1" not in rendered and "<li>" not in rendered
    import html as std_html
    import re
    assert std_html.unescape(re.sub(r"</?p>", "", rendered)).strip() == " ".join(text.split())


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org/x",
                                 "//example.org/x", "https://example.org/a b", "vbscript:msgbox"])
def test_only_http_addresses_become_links(url):
    rendered = html(markdown.link(url, "source"))
    assert "<a " not in rendered and "source" in rendered


def test_http_address_becomes_a_link_with_the_text_escaped():
    rendered = html(markdown.link("https://example.org/tin?a=1&b=(2)_x*y", "Báo *Mẫu* | Tin"))
    import html as std_html

    assert '<a href="https://example.org/tin?a=1&amp;b=%282%29_x%2Ay">' in rendered
    assert std_html.unescape(rendered) == '<p><a href="https://example.org/tin?a=1&b=%282%29_x%2Ay">Báo *Mẫu* | Tin</a></p>'


def test_template_code_in_package_text_is_not_run(tmp_path):
    env = render.environment("en")
    template = env.from_string("{{ value }} {{ t('figure_count', n=value) }}")
    out = template.render(value="{{ 7*7 }} {% if true %}x{% endif %}")
    assert "49" not in out and "&#123;&#123; 7&#42;7 &#125;&#125;" in out


def test_internal_links_accept_only_site_paths():
    assert markdown.internal_link("../../provinces/bac-ninh/index.md", "Bắc Ninh") == "[Bắc Ninh](../../provinces/bac-ninh/index.md)"
    with pytest.raises(ValueError):
        markdown.internal_link("javascript:alert(1)", "x")
