"""The GSO import report, spliced into datapackage/README.md between its own markers (after the seed's)."""
from collections import Counter

from tools.package_rows import splice_report

BEGIN = "<!-- BEGIN GSO import report (written by tools/import_gso; do not edit by hand) -->"
END = "<!-- END GSO import report -->"


def _md(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(result, not_imported):
    obs, skipped = result["observations"], result["skipped"]
    reasons = Counter()
    for _t, _n, _l, _y, n, reason in skipped:
        reasons[reason.split(":")[0] if reason.startswith("column item") else reason] += n
    missing = sum(s[3] for s in result["stats"])
    lines = [BEGIN, "", "### GSO yearbook tables by province", "",
             f"From `tools/import_gso/raw/gso_21092018.zip` (GSO PX-Web exports kept by choisy/gso): "
             f"{len(result['stats'])} tables, {len(obs)} figures, "
             f"{len({o['indicator_id'] for o in obs})} indicators ({len(result['indicators'])} added by this importer), "
             f"{sum(1 for o in obs if o['backcast'])} figures back-cast by GSO onto a later boundary; "
             f"{missing} empty cells (`..`) skipped; {sum(s[4] for s in skipped)} cells with a figure not loaded.", "",
             "| table | source | figures | empty cells |", "| --- | --- | ---: | ---: |"]
    for table, sid, loaded, empty in result["stats"]:
        lines.append(f"| {_md(table)} | `{sid}` | {loaded} | {empty} |")
    lines += ["", "#### Cells with a figure not loaded, by reason", "", "| reason | cells |", "| --- | ---: |"]
    for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"| {_md(reason)} | {n} |")
    lines += ["", "#### Boundary cases and suspicious figures left out (unit, column, year)", "",
              "| table | unit | column | year | reason |", "| --- | --- | --- | --- | --- |"]
    for table, name, label, year, n, reason in sorted(skipped):
        if year:
            lines.append(f"| {_md(table)} | {_md(name)} | {_md(label)} | {year} | {_md(reason)} |")
    lines += ["", "#### Tables by province not imported", "", "| table | reason |", "| --- | --- |"]
    for table, reason in not_imported:
        lines.append(f"| {_md(table)} | {_md(reason)} |")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def splice(readme_text, block):
    return splice_report(readme_text, block, BEGIN, END)
