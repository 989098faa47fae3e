"""A page's title for its <title> element, given in the page's front matter.

MkDocs takes a page's title from its first heading and mkdocs-material writes it into <title> through
Jinja's striptags, which decodes character references: a heading escaped as &lt;script&gt; comes out as a
raw <script> there. A page whose heading shows package text gives its title in front matter instead (the
theme writes page.meta.title as it is), with the characters that could make markup (<, >, &) left out.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup


def front_matter_title(text: str) -> Markup:
    """The title as a YAML string (JSON is YAML) for a front matter ``title:``, without <, > or &."""
    return Markup(json.dumps(" ".join(re.sub(r"[<>&]", " ", str(text)).split()), ensure_ascii=False))
