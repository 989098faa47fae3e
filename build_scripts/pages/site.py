"""The model every page type reads: the database, the focus province, periods, indicators and themes.

Built once a build (``Site.load``); page modules ask it for rows by query name and for labels.
"""

from __future__ import annotations

import json
import posixpath
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from build_scripts import db, i18n, settings

# Rows of recent queries a Site keeps (Site.q): a page asks the same queries once in each language, and
# every page of a type asks some of the same ones (the tile map, the merged units). The package does not
# change during a build, so a repeated call is served from memory, each row a fresh copy.
MEMO_ROWS = 20_000


@dataclass
class Site:
    con: object
    package_dir: Path
    out_dir: Path
    descriptor: dict
    focus_id: str
    focus_units: list[dict]
    themes: list[str]
    periods: dict[str, dict]
    indicators: list[dict]
    languages: tuple[str, ...] = settings.LANGUAGES
    units: list[dict] = field(default_factory=list)
    research: object = None  # build_scripts.research.publish.Published: set by the pipeline, reopened in a worker
    _memo: OrderedDict = field(default_factory=OrderedDict, repr=False, compare=False)
    _memo_rows: int = field(default=0, repr=False, compare=False)
    _page_tables: bool = field(default=False, repr=False, compare=False)

    @classmethod
    def load(cls, con, package_dir: Path, out_dir: Path, focus_id: str = settings.FOCUS_UNIT) -> "Site":
        from build_scripts.reform import comparable

        descriptor = comparable.published_descriptor(json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8")))
        comparable.prepare(con)  # observations_comparable, as published
        themes = _enum(descriptor, "indicators", "theme")
        return cls(
            con=con,
            package_dir=package_dir,
            out_dir=out_dir,
            descriptor=descriptor,
            focus_id=focus_id,
            focus_units=db.query(con, "focus_units", focus=focus_id),
            themes=themes,
            periods={row["period"]: row for row in db.query(con, "periods")},
            indicators=db.query(con, "indicators_with_figures", themes=themes),
            units=db.query(con, "units_with_figures"),
        )

    def q(self, name: str, **params) -> list[dict]:
        """Rows of queries/<name>.sql with params bound (db.query); a recent identical call is not run again.
        The rows are the caller's to change: each is a copy."""
        key = (name, repr(sorted(params.items())))
        rows = self._memo.get(key)
        if rows is None:
            if not self._page_tables and db.reads_page_tables(name):  # built when first needed: the parent
                # process of a pool only lists the pages and never builds them
                db.prepare_pages(self.con)
                self._page_tables = True
            rows = db.query(self.con, name, **params)
            self._memo[key] = rows
            self._memo_rows += len(rows)
            while self._memo_rows > MEMO_ROWS and len(self._memo) > 1:  # the least recently used go first
                _, dropped = self._memo.popitem(last=False)
                self._memo_rows -= len(dropped)
        else:
            self._memo.move_to_end(key)
        return [dict(row) for row in rows]

    def release(self) -> None:
        """Close the database and forget the remembered rows: the parent of a page pool, whose workers each
        load their own, holds nothing while they work (at 200x34x20 this parent fell from 330 to 160 MB)."""
        self._memo.clear()
        self._memo_rows = 0
        self.con.close()

    @property
    def focus_ids(self) -> list[str]:
        return [u["unit_id"] for u in self.focus_units]

    # Made once: a province page looks indicators and units up thousands of times, and neither list changes.
    @cached_property
    def indicators_by_id(self) -> dict[str, dict]:
        return {i["indicator_id"]: i for i in self.indicators}

    @cached_property
    def units_by_id(self) -> dict[str, dict]:
        return {u["unit_id"]: u for u in self.units}

    def period_label(self, period: str, lang: str) -> str:
        info = self.periods.get(period)
        return i18n.period(info, lang) if info else period

    def period_span_label(self, period: str, lang: str) -> str:
        info = self.periods.get(period)
        return i18n.period_span(info, lang) if info else period

    def page_url(self, directory: str, lang: str) -> str:
        """The public address of a page, from the package's homepage."""
        base = self.descriptor.get("homepage", "").rstrip("/") + "/"
        prefix = "" if lang == settings.DEFAULT_LANGUAGE else f"{lang}/"
        return base + prefix + (f"{directory}/" if directory else "")


def page_file(directory: str, lang: str) -> str:
    """The Markdown file of a page in a language (suffix structure: index.md, index.en.md)."""
    name = "index.md" if lang == settings.DEFAULT_LANGUAGE else f"index.{lang}.md"
    return f"{directory}/{name}" if directory else name


def href(from_dir: str, to: str) -> str:
    """A relative link from the page in from_dir to a page directory (its index.md) or a file: what
    os.path.relpath gives for two site paths, from their parts alone (relpath asks for the working
    directory twice a call; pages make millions of links)."""
    target = to if "." in to.rsplit("/", 1)[-1] else (f"{to}/index.md" if to else "index.md")
    base = [p for p in posixpath.normpath(from_dir or ".").split("/") if p != "."]
    parts = posixpath.normpath(target).split("/")
    common = 0
    while common < min(len(base), len(parts)) and base[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def _enum(descriptor: dict, resource: str, field_name: str) -> list[str]:
    for res in descriptor["resources"]:
        if res["name"] == resource:
            for f in res["schema"]["fields"]:
                if f["name"] == field_name:
                    return list(f.get("constraints", {}).get("enum", []))
    return []
