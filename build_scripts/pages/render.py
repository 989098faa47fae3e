"""The Jinja2 environment of the generated Markdown: templates hold the words, every expression is escaped.

One environment a language: the filters (numbers, dates, periods, labels) format for that language.
Every ``{{ expression }}`` goes through ``markdown.escape`` (the ``finalize`` hook) unless a filter made it
``Markup`` (links, chart HTML), so text from the package can never become markup or template code.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jinja2
from markupsafe import Markup

from build_scripts import i18n, settings
from build_scripts.pages import markdown


def _trusted(text: str) -> Markup:
    """Words from our translation files, the package's values already escaped inside them."""
    return Markup(text)


def _number(text: str) -> Markup:
    """A formatted number: digits, separators and a sign only, so it needs no escaping."""
    if not re.fullmatch(r"[-+]?[0-9.,\u00a0\u202f ]*", text):
        raise ValueError(f"unexpected number text {text!r}")
    return Markup(text)


def _finalize(value):
    return markdown.escape(value)


@lru_cache(maxsize=None)
def environment(lang: str, periods_key: int = 0) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(settings.TEMPLATES_DIR)),
        autoescape=False,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        lang=lang,
        t=lambda key, **values: _trusted(i18n.t(lang, key, **{k: markdown.escape(v) for k, v in values.items()})),
        label=lambda section, code: i18n.label(lang, section, code),
        link=markdown.link,
        internal_link=markdown.internal_link,
        esc=markdown.escape,
    )
    env.filters.update(
        num=lambda value, decimals=0, signed=False: _number(i18n.number(value, decimals, lang, signed)),
        quantity=lambda value, decimals, unit: Markup(i18n.quantity(value, decimals, unit, lang, escape=markdown.escape)),
        date=lambda value: i18n.date(value, lang),
        qual=lambda qualifier: Markup(markdown.escape(i18n.qualifier_word(qualifier, lang)) + " ") if qualifier else "",
        name=lambda row, prefix="name": row.get(f"{prefix}_{lang}") or row.get(f"{prefix}_{settings.DEFAULT_LANGUAGE}"),
        raw=lambda value: Markup(value),  # only for HTML the build made (chart snippets)
    )
    return env


def render(template: str, lang: str, **context) -> str:
    text = environment(lang).get_template(template).render(**context)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
