"""Interface words (one YAML file a language) and the per-language formatting of numbers, dates and periods.

The words live in ``<lang>.yml``; this module only looks them up and formats. Numbers use Babel
(vi 1.234,5; en 1,234.5) with the indicator's decimals. Period labels are built from the kind, year and
last month that the period macros derive (queries/periods.sql): no period string is parsed here.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@lru_cache(maxsize=None)
def words(lang: str) -> dict:
    return yaml.safe_load((HERE / f"{lang}.yml").read_text(encoding="utf-8"))


def t(lang: str, key: str, **values) -> str:
    """The text of ``section.key`` (or ``words.key``) in ``lang``, with ``{name}`` filled from values."""
    section, _, name = key.rpartition(".")
    text = str(words(lang)[section or "words"][name])
    return unicodedata.normalize("NFC", text.format(**values) if values else text)


def label(lang: str, section: str, code) -> str:
    """A code's label (themes, units, measures, statuses...); the code itself when the file has none."""
    if code is None:
        return ""
    return str(words(lang).get(section, {}).get(code, code))


@lru_cache(maxsize=None)
def locale(lang: str):
    """Babel's Locale of a language, parsed once (a locale given by name is parsed again every call)."""
    from babel import Locale

    return Locale.parse(lang)


def number(value, decimals: int, lang: str, signed: bool = False) -> str:
    from babel.numbers import format_decimal

    if value is None:
        return ""
    decimals = int(decimals or 0)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(round(float(value), decimals) + 0.0, format=pattern, locale=locale(lang))
    if text.startswith("-") and not any(c in "123456789" for c in text):
        text = text[1:]  # no "-0,0"
    if signed and not text.startswith("-") and any(c in "123456789" for c in text):
        text = "+" + text
    return text


def quantity(value, decimals: int, unit, lang: str, escape=str) -> str:
    """A figure with its unit in words, joined as the language writes them: "522.000 tỷ đồng", "10,27%"
    (the ``quantities`` section: a pattern a unit, else ``default``). ``escape`` is applied to the unit's
    words (a number needs none)."""
    patterns = words(lang)["quantities"]
    return unicodedata.normalize("NFC", patterns.get(unit, patterns["default"]).format(
        value=number(value, decimals, lang), unit=escape(label(lang, "units", unit))))


def qualifier_word(qualifier, lang: str) -> str:
    """The word a bounded figure is written with ("hơn", "more than"); "" for an exact one."""
    if not qualifier:
        return ""
    return unicodedata.normalize("NFC", str(words(lang)["qualifiers"][qualifier]))


def date(value, lang: str) -> str:
    from babel.dates import format_date

    if value is None:
        return ""
    return format_date(value, format=words(lang)["date_format"], locale=locale(lang))


def period(info: dict, lang: str) -> str:
    """A period in words from its derived parts: {period, kind, year, last_month}."""
    table = words(lang)
    last = info["last_month"] or 0
    values = {
        "year": info["year"],
        "quarter": last // 3,
        "quarter_roman": ROMAN.get(last // 3, ""),
        "months": last,
        "months_words": table["number_words"].get(last, last),
        "month": last,
        "month_name": table["month_names"][last - 1] if last else "",
    }
    pattern = table["periods"].get(info["kind"])
    return pattern.format(**values) if pattern else str(info["period"])


def period_span(info: dict, lang: str) -> str:
    """What a run of periods of one kind is called ("whole-year figures", "số liệu 9 tháng đầu năm")."""
    table = words(lang)
    last = info["last_month"]
    return table["period_spans"][info["kind"]].format(months=last, months_words=table["number_words"].get(last, last))
