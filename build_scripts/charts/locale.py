"""d3-format and d3-time-format locales built from Babel's CLDR data, so that charts format numbers the
way the page's text does (vi: 1.234,5; en: 1,234.5). Used for the SVG render (vl-convert) and written
into the browser asset read by charts.js (vega-embed's formatLocale / timeFormatLocale)."""

from __future__ import annotations

import re

from babel import Locale, numbers

# CLDR date-pattern letters -> d3-time-format directives (the subset CLDR uses for short dates and times).
_PATTERN_TOKENS = {
    "yyyy": "%Y", "yy": "%y", "y": "%Y",
    "MMMM": "%B", "MMM": "%b", "MM": "%m", "M": "%-m",
    "dd": "%d", "d": "%-d",
    "EEEE": "%A", "EEE": "%a",
    "HH": "%H", "H": "%-H", "hh": "%I", "h": "%-I",
    "mm": "%M", "m": "%-M", "ss": "%S", "s": "%-S",
    "a": "%p",
}
_TOKEN = re.compile(r"'[^']*'|([A-Za-z])\1*")


def _d3_pattern(cldr: str) -> str:
    """Translate a CLDR date pattern (e.g. 'd/M/yy') into a d3 time format (e.g. '%-d/%-m/%y')."""
    out: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(cldr):
        out.append(cldr[pos:match.start()].replace("%", "%%"))
        token = match.group(0)
        if token.startswith("'"):
            out.append(token[1:-1].replace("%", "%%") or "'")
        else:
            out.append(_PATTERN_TOKENS.get(token, _PATTERN_TOKENS.get(token[:4], token)))
        pos = match.end()
    out.append(cldr[pos:].replace("%", "%%"))
    return "".join(out)


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"chart language {lang!r} is not a locale Babel knows ({exc})") from None


def format_locale(lang: str) -> dict:
    """The d3-format locale for ``lang``: decimal and group symbols from CLDR, grouping by three."""
    loc = _locale(lang)
    currency = numbers.get_currency_symbol("VND", loc)
    pattern = loc.currency_formats["standard"].pattern
    before = pattern.split("#")[0].split("0")[0]
    # Currency before the number (en: ¤#,##0.00) or after it (vi: #,##0.00 ¤).
    prefix, suffix = ("", "\u00a0" + currency) if "¤" not in before else (currency, "")
    return {
        "currency": [prefix, suffix],
        "decimal": numbers.get_decimal_symbol(loc),
        "grouping": [3],
        "minus": numbers.get_minus_sign_symbol(loc),
        "percent": loc.number_symbols["latn"]["percentSign"],
        "thousands": numbers.get_group_symbol(loc),
    }


def time_format_locale(lang: str) -> dict:
    """The d3-time-format locale for ``lang``: month and day names, AM/PM and date/time patterns."""
    loc = _locale(lang)
    months = loc.months["format"]
    days = loc.days["format"]
    # d3 weeks start on Sunday (index 0); CLDR numbers days from Monday (0) to Sunday (6).
    order = [6, 0, 1, 2, 3, 4, 5]
    periods = loc.day_periods["format"]["abbreviated"]
    date = _d3_pattern(loc.date_formats["short"].pattern)
    time = _d3_pattern(loc.time_formats["medium"].pattern)
    glue = loc.datetime_formats["short"]
    return {
        "date": date,
        "dateTime": glue.replace("{1}", "%x").replace("{0}", "%X"),
        "days": [days["wide"][i] for i in order],
        "months": [months["wide"][i] for i in range(1, 13)],
        "periods": [periods["am"], periods["pm"]],
        "shortDays": [days["abbreviated"][i] for i in order],
        "shortMonths": [months["abbreviated"][i] for i in range(1, 13)],
        "time": time,
    }


def number_format(decimals: int) -> str:
    """The d3 format string for a figure with ``decimals`` decimals and grouped thousands."""
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6:
        raise ValueError(f"chart decimals must be a whole number from 0 to 6, not {decimals!r}")
    return f",.{decimals}f"


def browser_locales(langs: list[str]) -> dict:
    """Both locales for every language, keyed by language: what charts.js needs."""
    return {lang: {"format": format_locale(lang), "time": time_format_locale(lang)} for lang in sorted(langs)}
