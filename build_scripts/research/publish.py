"""Write every researchers' file into the site folder, in the one order that works:

    1. the slices: downloads/indicators/*, downloads/units/* (slices.py), and downloads/CITATION.cff
    2. sizes and SHA-256 of every file under downloads/ and downloads/SHA256SUMS (checksums.py); so the
       package's own downloads (build_scripts/downloads.py) must be written before ``publish`` is called
    3. the API: api/v1/index.json, api/v1/indicators/*.json, api/v1/units/*.json (api.py)
    4. the DCAT-AP catalogue: catalog.jsonld (dcat.py)

Every file goes through ``store`` (``build_scripts.cache.files`` in the build: a file is made again only
when what it is made from changed; without it, ``make_now``: every file made).

``publish(con, descriptor, site_dir, page_units=None, store=None)`` returns a ``Published``: the files written and
what the page blocks (build_scripts/pages/fragments.py) need. ``con`` has the package loaded (build_scripts.db.load_package).
A process that renders pages but did not publish (a worker with its own connection) calls
``reopen(con, descriptor, site_dir, page_units)`` instead: the same blocks, nothing written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from build_scripts import cache
from build_scripts.store import make_now
from build_scripts.research import api, checksums, citation, common, dcat, slices


@dataclass
class Published:
    con: object
    descriptor: dict
    site_dir: Path
    slices: list
    sums: dict
    files: list[Path]
    page_units: frozenset | None = None  # units that have a province page (None: all)
    _indicators: dict = field(default_factory=dict)
    _units: dict = field(default_factory=dict)

    def slices_of(self, kind: str) -> list:
        return [s for s in self.slices if s.kind == kind]

    def rows(self, kind: str, key: str) -> int:
        return next(s.rows for s in self.slices if s.kind == kind and s.key == key)

    def indicator_entry(self, indicator_id: str) -> dict:
        if not self._indicators:
            self._indicators.update({r["indicator_id"]: r for r in common.query(self.con, "slice_indicators")})
        return self._indicators[indicator_id]

    def unit_entry(self, unit_id: str) -> dict:
        if not self._units:
            self._units.update({r["unit_id"]: r for r in common.query(self.con, "slice_units")})
        return self._units[unit_id]

    def has_page(self, kind: str, key: str) -> bool:
        return kind == "indicators" or self.page_units is None or key in self.page_units


def reopen(con, descriptor: dict, site_dir: Path, page_units=None) -> Published:
    """What ``publish`` returned, for a process that did not write the files (a page worker with its own
    connection): the slices from the package, the sums from downloads/SHA256SUMS; nothing is written."""
    site_dir = Path(site_dir)
    common.ensure_long(con)
    found = [slices.Slice(kind, row[id_column], row["figures"])
             for kind, (list_query, _, id_column) in sorted(slices.KINDS.items())
             for row in common.query(con, list_query)]
    return Published(con, descriptor, site_dir, found, checksums.read(site_dir), [],
                     frozenset(page_units) if page_units is not None else None)


def publish(con, descriptor: dict, site_dir: Path, page_units=None, store=None) -> Published:
    site_dir = Path(site_dir)
    store = store or make_now
    head = cache.address(descriptor)
    found = slices.digests(con)
    made, files = slices.write_all(con, site_dir, store, found)
    cff = site_dir / "downloads" / "CITATION.cff"
    store("citation", [head], [cff], lambda: common.write_text(cff, citation.cff_text(descriptor)),
          ("research",))
    files.append(cff)
    sums, sums_file = checksums.write(site_dir, store)
    files = files + [sums_file]
    files += api.write_all(con, descriptor, sums, site_dir, store, found)
    catalog = site_dir / dcat.CATALOG_PATH
    all_sums = [[s.path, s.bytes, s.sha256] for s in sums.values()]
    store("catalog", [head, common.query(con, "slice_indicators"), common.query(con, "slice_units"), all_sums],
          [catalog], lambda: dcat.write(con, descriptor, sums, site_dir), slices.CODE)
    files.append(catalog)
    return Published(con, descriptor, site_dir, made, sums, sorted(files),
                     frozenset(page_units) if page_units is not None else None)
