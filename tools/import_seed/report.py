"""The import report: counts, rows left out, conflicts kept. Written between two markers in
datapackage/README.md so the note always matches the data."""
from collections import Counter, defaultdict
from decimal import Decimal

from tools.package_rows import splice_report

from .seed import mapping

BEGIN = "<!-- BEGIN import report (written by tools/import_seed; do not edit by hand) -->"
END = "<!-- END import report -->"


def _md(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def conflicts(observations):
    """Same unit, indicator, period and status from several sources, more than 1 % apart."""
    groups = defaultdict(list)
    for o in observations:
        groups[(o["unit_id"], o["indicator_id"], o["period"], o["status"])].append(o)
    out = []
    for key, group in sorted(groups.items()):
        values = sorted({Decimal(g["value"]) for g in group})
        if len(values) > 1 and values[0] != 0 and abs(values[-1] - values[0]) / abs(values[0]) > Decimal("0.01"):
            out.append((key, [format(v, "f") for v in values], len({g["source_id"] for g in group})))
    return out


def render(counts, observations, excluded, merged):
    lines = [BEGIN, "", "### Counts", "", "| table | rows |", "| --- | ---: |"]
    for name in ("units", "unit_crosswalk", "indicators", "sources", "observations"):
        lines.append(f"| {name} | {counts[name]} |")
    unit_types = Counter((u["unit_type"], u.get("boundary", "")) for u in counts["_units"])
    lines += ["", "Units by type and boundary: " + "; ".join(
        f"{t}{' ' + b if b else ''} {n}" for (t, b), n in sorted(unit_types.items())) + ".", ""]
    lines += [f"Seed rows read: {counts['seed_rows']}; loaded: {counts['observations']}; "
              f"left out: {len(excluded)}; exact repeats of a loaded row (same key, same value) merged: {len(merged)}.",
              "", "Catalogue entries left out of `indicators.csv` because none of their seed rows was loaded: "
              + (", ".join(f"`{u}`" for u in counts["_unused"]) or "none") + ".",
              "", "### Observations by indicator", "", "| indicator | observations |", "| --- | ---: |"]
    by_indicator = Counter(o["indicator_id"] for o in observations)
    for indicator_id in sorted(by_indicator):
        lines.append(f"| `{indicator_id}` | {by_indicator[indicator_id]} |")
    lines += ["", "### Seed rows left out", "",
              "Each row of the seed that is not in `observations.csv`, with the reason (file and line of the seed CSV).", "",
              "| seed file:line | unit | indicator | period | value (seed unit) | status | reason |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for e in sorted(excluded, key=lambda e: (e["file"], e["line"])):
        lines.append(f"| {e['file']}:{e['line']} | {_md(e['province'])} ({e['boundary']}) | `{e['indicator']}` | "
                     f"{e['period']} | {e['value']} {_md(e['unit'])} | {e['status']} | {_md(e['reason'])} |")
    lines += ["", "### Corrected by hand", "",
              "Seed lines filed under another indicator (`series_moves.csv`) or whose note was wrong "
              "(`note_corrections.csv`), with the reason.", "",
              "| seed file:line | change | reason |", "| --- | --- | --- |"]
    for r in mapping("series_moves.csv", ["seed_file", "line", "indicator", "reason"]):
        lines.append(f"| {r['seed_file']}:{r['line']} | filed under `{r['indicator']}` | {_md(r['reason'])} |")
    for r in mapping("note_corrections.csv", ["seed_file", "line", "note", "reason"]):
        lines.append(f"| {r['seed_file']}:{r['line']} | note: {_md(r['note'])} | {_md(r['reason'])} |")
    producers = Counter(o["producer"] for o in observations if o.get("producer"))
    qualifiers = Counter(o["qualifier"] for o in observations if o.get("qualifier"))
    sources = counts.get("_sources", [])
    untitled = sorted(s["source_id"] for s in sources if not s.get("title") or not s.get("published"))
    lines += ["", "### Producers, qualifiers, notes and sources", "",
              "Figures whose producer a page quotes (`figure_producers.csv`): "
              + (", ".join(f"{k} {n}" for k, n in sorted(producers.items())) or "none") + ". "
              "Figures bounded by their note (`qualifier_words.csv`): "
              + (", ".join(f"{k} {n}" for k, n in sorted(qualifiers.items())) or "none") + ". "
              f"Notes with their Vietnamese (`note_translations.csv`): "
              f"{sum(1 for o in observations if o.get('note_vi'))} of {sum(1 for o in observations if o['note'])}.",
              "", f"Sources still without the page's own headline or date: {len(untitled)} of {len(sources)} "
              "(validation warns of each; `source_titles.csv` gives those found on the stored pages)."]
    kept = conflicts(observations)
    lines += ["", "### Conflicts kept", "",
              "The same unit, indicator, period and status from several sources, more than 1 % apart. All rows are kept; "
              "the site shows one by the rule of `build_scripts/sql/figure_choice.sql` (status, producer, date) and lists the others.", "",
              "| unit | indicator | period | status | values | sources |", "| --- | --- | --- | --- | --- | ---: |"]
    for (unit_id, indicator_id, period, status), values, n in kept:
        lines.append(f"| {unit_id} | `{indicator_id}` | {period} | {status} | {', '.join(values)} | {n} |")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def splice(readme_text, block):
    return splice_report(readme_text, block, BEGIN, END)
