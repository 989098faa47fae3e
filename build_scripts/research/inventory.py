"""The downloads of a built site and their sizes, as a Markdown table (for a release note).

    python -m build_scripts.research.inventory SITE_DIR

Groups the files under SITE_DIR/downloads (the package's own files one by one, the slices by folder and
format) and the API and catalogue files, with counts and sizes. Exit 0, or 1 with one sentence when
SITE_DIR has no downloads/SHA256SUMS (build the site first).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from build_scripts.research import checksums, dcat


def groups(site_dir: Path) -> list[tuple[str, int, int]]:
    """(group, files, bytes), sorted by group; a slice folder is one group a format."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path, info in checksums.read(site_dir).items():
        parts = path.split("/")
        key = f"{'/'.join(parts[:-1])}/*.{path.rsplit('.', 1)[-1]}" if len(parts) > 2 else path
        totals[key][0] += 1
        totals[key][1] += info.bytes
    for extra in sorted((site_dir / "api").rglob("*.json")) + [site_dir / dcat.CATALOG_PATH, site_dir / "downloads" / checksums.SUMS_NAME]:
        if extra.is_file():
            rel = extra.relative_to(site_dir).as_posix()
            key = f"{rel.rsplit('/', 1)[0]}/*.json" if rel.count("/") >= 3 else rel  # api/v1/<kind>/*.json
            totals[key][0] += 1
            totals[key][1] += extra.stat().st_size
    return [(key, n, size) for key, (n, size) in sorted(totals.items())]


def markdown(site_dir: Path) -> str:
    rows = groups(site_dir)
    lines = ["| files | count | size |", "| --- | ---: | ---: |"]
    lines += [f"| `{key}` | {n} | {size / 1000:,.1f} kB |" for key, n, size in rows]
    lines.append(f"| total | {sum(r[1] for r in rows)} | {sum(r[2] for r in rows) / 1000:,.1f} kB |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m build_scripts.research.inventory SITE_DIR", file=sys.stderr)
        return 2
    site_dir = Path(args[0])
    if not (site_dir / "downloads" / checksums.SUMS_NAME).is_file():
        print(f"{site_dir}: no downloads/{checksums.SUMS_NAME} here; build the site first "
              "(python -m build_scripts build) and name its folder", file=sys.stderr)
        return 1
    sys.stdout.write(markdown(site_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
