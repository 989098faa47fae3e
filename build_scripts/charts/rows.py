"""Checks on the rows a builder receives: a wrong row gives a ValueError naming the chart, the row and the
field, never a traceback from deep inside Altair."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata


class ChartInputError(ValueError):
    """Rows or labels a chart cannot be drawn from; the message names chart, row and field."""


def _where(chart: str, index: int, field: str) -> str:
    return f"{chart} chart, row {index + 1}, field {field!r}"


def require_fields(chart: str, rows: list[dict], fields: tuple[str, ...]) -> None:
    if not isinstance(rows, (list, tuple)):
        raise ChartInputError(f"{chart} chart: rows must be a list of dicts, not {type(rows).__name__}")
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ChartInputError(f"{chart} chart, row {index + 1}: expected a dict, got {type(row).__name__}")
        for field in fields:
            if field not in row:
                raise ChartInputError(f"{_where(chart, index, field)}: missing")


def number(chart: str, index: int, field: str, value, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ChartInputError(f"{_where(chart, index, field)}: {value!r} is not a finite number")
    return value


def whole(chart: str, index: int, field: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ChartInputError(f"{_where(chart, index, field)}: {value!r} is not a whole number >= 0")
    return value


def iso_date(chart: str, index: int, field: str, value) -> str:
    text = value.isoformat() if isinstance(value, dt.date) else value
    try:
        dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ChartInputError(f"{_where(chart, index, field)}: {value!r} is not an ISO date (YYYY-MM-DD)") from None
    return text[:10]


def text(chart: str, index: int, field: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ChartInputError(f"{_where(chart, index, field)}: {value!r} is not a non-empty text")
    return unicodedata.normalize("NFC", value)


def one_of(chart: str, index: int, field: str, value, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ChartInputError(f"{_where(chart, index, field)}: {value!r} is not one of {', '.join(allowed)}")
    return value


def label(chart: str, labels: dict, key: str, *, optional: bool = False) -> str | None:
    """A translated word from ``labels``; required ones must be non-empty text."""
    if not isinstance(labels, dict):
        raise ChartInputError(f"{chart} chart: labels must be a dict of translated words")
    value = labels.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ChartInputError(f"{chart} chart: label {key!r} is missing or empty")
    return unicodedata.normalize("NFC", value)


def check_lang(chart: str, lang) -> str:
    if not isinstance(lang, str) or not lang.isalpha() or not 2 <= len(lang) <= 3:
        raise ChartInputError(f"{chart} chart: language {lang!r} is not a language code such as 'vi' or 'en'")
    return lang
