"""Pages cut to a weight (no HTML page over 100 KB, whatever the size of the package).

A page that lists many rows (a source's figures, a province's indicators, the downloads of every slice)
estimates the HTML each row makes and, past a budget, is cut into numbered parts: ``<page>/``,
``<page>/2/``, ``<page>/3/``... Every part of a page is a page of the same type, so the cut is decided from
the rows alone (the same rows in keys() and in model()), in order, and the output stays deterministic.

The theme (header, navigation, footer, search) adds about 15 KB to every page, so the content budget
leaves a margin under 100 KB for estimates that run short (the row estimates are calibrated on the real
package's HTML).
"""

from __future__ import annotations

import re

BUDGET = 64_000  # estimated bytes of a page's own HTML (the theme adds 15-22 KB: header, navigation, search, footer)

_PART = re.compile(r"(.*?)/([0-9]+)")


def weight(*texts, markup: int = 0) -> int:
    """The estimated HTML bytes of a row: the UTF-8 length of the texts it shows, plus its markup."""
    return markup + sum(len(str(text).encode("utf-8")) for text in texts if text is not None)


def pack(weights: list[int], budget: int | None = None) -> list[range]:
    """Rows (by their weights, in order) cut into parts of at most budget (default BUDGET) each (a heavier row
    alone); at least one."""
    budget = BUDGET if budget is None else budget
    parts: list[range] = []
    start, total = 0, 0
    for i, w in enumerate(weights):
        if i > start and total + w > budget:
            parts.append(range(start, i))
            start, total = i, 0
        total += w
    parts.append(range(start, len(weights)))
    return parts


def pack_groups(groups: list[list[int]], budget: int | None = None, reserve: int = 0) -> list[list[tuple[int, range]]]:
    """Groups of rows (a theme's rows, by their weights) cut into parts: a group that fits the budget stays
    whole and parts are cut between groups; a heavier group is cut between rows. reserve is what the first
    part carries besides (the page's header). Returns the parts, each a list of (group index, rows)."""
    budget = BUDGET if budget is None else budget
    units: list[tuple[int, range, int]] = []
    for g, weights in enumerate(groups):
        if sum(weights) <= budget:
            units.append((g, range(len(weights)), sum(weights)))
        else:
            units += [(g, r, sum(weights[i] for i in r)) for r in pack(weights, budget)]
    cut = pack([reserve] + [u[2] for u in units], budget)
    return [[units[i - 1][:2] for i in r if i > 0] for r in cut]


def part_keys(base: str, count: int) -> list[str]:
    """The keys of a page cut into count parts: base, base/2, base/3..."""
    return [base] + [f"{base}/{n}" for n in range(2, count + 1)]


def split_key(key: str) -> tuple[str, int]:
    """'src-abc/2' -> ('src-abc', 2); 'src-abc' -> ('src-abc', 1)."""
    match = _PART.fullmatch(key)
    return (match.group(1), int(match.group(2))) if match else (key, 1)


def links(here: str, base_dir: str, count: int, current: int, href) -> list[dict]:
    """One link a part of the page (the current one without a link), for the templates' part navigation."""
    return [{"n": n, "current": n == current,
             "href": None if n == current else href(here, base_dir if n == 1 else f"{base_dir}/{n}")}
            for n in range(1, count + 1)]
