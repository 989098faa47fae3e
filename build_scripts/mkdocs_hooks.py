"""MkDocs hooks of the portal: keep builds byte-identical.

The search index is written with its entries in a fixed order (by location), so two builds of the same
package give the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path


def on_post_build(config, **kwargs):
    for index in sorted(Path(config["site_dir"]).rglob("search/search_index.json")):
        data = json.loads(index.read_text(encoding="utf-8"))
        data["docs"] = sorted(data.get("docs", []), key=lambda d: (d.get("location", ""), d.get("title", "")))
        index.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
