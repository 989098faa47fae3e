"""The benchmark's Markdown table: one line a measurement, one column a package (real or synthetic size)."""

from __future__ import annotations

KB, MB = 1024, 1024 * 1024

PHASES = ("validate", "load", "prepare", "pages", "downloads", "mkdocs")


def _s(x) -> str:
    return "" if x is None else f"{x:.1f} s"


def _ratio(a, b) -> str:
    return f"{a / b:.2f}x" if a is not None and b else ""


def _kb(x) -> str:
    return "" if x is None else f"{x / KB:,.0f} KB"


def _rows(case: dict, by_name: dict) -> dict[str, str]:
    v, b, bare, site = case["validate"], case["build"], case["bare"], case["site"]
    phases = b["phases"]
    row = {
        "figures (observations)": f"{case['figures']:,}",
        "validate: ours": _s(v["ours"]["wall"]),
        "validate: stock frictionless": _s(v.get("frictionless", {}).get("wall")),
        "validate: speed-up (frictionless / ours)": _ratio(v.get("frictionless", {}).get("wall"), v["ours"]["wall"]),
    }
    for phase in PHASES:
        row[f"build phase: {phase}"] = _s(phases.get(phase))
    row["  of pages: queries (CPU, all workers)"] = _s(b["work"].get("queries"))
    row["  of pages: charts (CPU, all workers)"] = _s(b["work"].get("charts"))
    top = sorted(b["work"].get("by_name", {}).items(), key=lambda kv: (-kv[1][1], kv[0]))[:3]
    row["  of pages: most CPU (calls, seconds)"] = "; ".join(f"{name} {calls:,}x {cpu:.1f} s" for name, (calls, cpu) in top)
    row["build total (wall)"] = _s(b["wall"])
    row["build total (CPU, all processes)"] = _s(b["cpu"])
    row["bare mkdocs build (wall)"] = _s(bare["wall"])
    row["ratio build / bare mkdocs (budget 2x)"] = _ratio(b["wall"], bare["wall"])
    row["ratio CPU build / bare mkdocs CPU"] = _ratio(b["cpu"], bare["cpu"])
    floor = case.get("floor")
    if floor:
        row["floor: bare mkdocs-material site of as many pages (wall / CPU)"] = f"{_s(floor['wall'])} / {_s(floor['cpu'])}"
        row["ratio build / floor (budget 3x; wall / CPU)"] = f"{_ratio(b['wall'], floor['wall'])} / {_ratio(b['cpu'], floor['cpu'])}"
        row["ratio mkdocs phase / floor (budget 1.3x)"] = _ratio(phases.get("mkdocs"), floor["wall"])
    half = by_name.get(case.get("double_of"))
    row["ratio to half the data (budget 2.1x)"] = _ratio(b["wall"], half["build"]["wall"]) if half else ""
    row["ratio to half the data, CPU"] = _ratio(b["cpu"], half["build"]["cpu"]) if half else ""
    row["peak memory: process tree (budget 1 GB)"] = f"{b['tree_mb']:,.0f} MB"
    row["peak memory: largest process"] = f"{b['maxrss_mb']:,.0f} MB"
    row["peak memory: bare mkdocs build"] = f"{bare['tree_mb']:,.0f} MB"
    if floor:
        row["peak memory: floor site"] = f"{floor['tree_mb']:,.0f} MB"
    row["site size"] = f"{site['site_bytes'] / MB:,.1f} MB, {site['site_files']:,} files"
    row["HTML pages"] = f"{site.get('pages', 0):,}"
    row["median HTML page"] = _kb(site.get("page_median_bytes"))
    row["largest HTML page"] = f"{_kb(site.get('page_largest_bytes'))} ({site.get('page_largest', '')})"
    row["pages over 100 KB (budget 0)"] = str(site.get("pages_over_100kb", ""))
    row["page transfer, median (gzip)"] = _kb(site.get("transfer_median_gzip"))
    row["page transfer, median (raw)"] = _kb(site.get("transfer_median_raw"))
    row["page transfer, heaviest (gzip / raw)"] = (f"{_kb(site.get('transfer_max_gzip'))} / {_kb(site.get('transfer_max_raw'))} "
                                                   f"({site.get('transfer_max_page', '')})")
    row["requests outside the site"] = str(len(site.get("external_refs", [])))
    rebuild = case.get("rebuild")
    if rebuild:
        for key in ("unchanged", "one_indicator"):
            r = rebuild[key]
            row[f"rebuild, {key.replace('_', ' ')}: charts rendered / reused"] = f"{r['charts_rendered']} / {r['charts_reused']}"
            row[f"rebuild, {key.replace('_', ' ')}: download files made / from the cache"] = f"{r['downloads_written']} / {r['downloads_reused']}"
            row[f"rebuild, {key.replace('_', ' ')}: build (wall)"] = _s(r["wall"])
            row[f"rebuild, {key.replace('_', ' ')}: build (CPU, all processes)"] = _s(r.get("cpu"))
            row[f"rebuild, {key.replace('_', ' ')}: ratio to bare mkdocs (wall / CPU)"] = \
                f"{_ratio(r['wall'], bare['wall'])} / {_ratio(r.get('cpu'), bare['cpu'])}"
            phases = r.get("phases") or {}
            row[f"rebuild, {key.replace('_', ' ')}: phases downloads / pages / mkdocs"] = " / ".join(
                _s(phases.get(p)) for p in ("downloads", "pages", "mkdocs"))
    return row


def render(report: dict) -> str:
    cases = report["cases"]
    by_name = {c["name"]: c for c in cases}
    columns = [_rows(c, by_name) for c in cases]
    metrics: list[str] = []
    for col in columns:
        metrics += [m for m in col if m not in metrics]
    lines = [] if not cases else ["| measurement | " + " | ".join(c["name"] for c in cases) + " |",
             "| --- | " + " | ".join("---:" for _ in cases) + " |"]
    for metric in metrics:
        lines.append(f"| {metric.strip()} | " + " | ".join(col.get(metric, "") for col in columns) + " |")
    scaling = report.get("validation_scaling")
    if scaling:
        ours, stock = scaling["ours"]["wall"], scaling.get("frictionless", {}).get("wall")
        lines += ["", f"Validation at {scaling['figures']:,} observations: ours {_s(ours)}, stock frictionless {_s(stock)}, "
                      f"speed-up {_ratio(stock, ours)} (budget 5x); CPU ours {_s(scaling['ours']['cpu'])}, "
                      f"frictionless {_s(scaling.get('frictionless', {}).get('cpu'))}; peak memory ours {scaling['ours']['tree_mb']:,.0f} MB, "
                      f"frictionless {scaling.get('frictionless', {}).get('tree_mb', 0):,.0f} MB."]
    return "\n".join(lines) + "\n"
