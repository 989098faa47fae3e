"""The PX-Web import report, written into datapackage/README.md between its own markers."""
from collections import Counter

from tools.package_rows import splice_report

BEGIN = "<!-- BEGIN PX-Web import report (written by tools/import_pxweb; do not edit by hand) -->"
END = "<!-- END PX-Web import report -->"


def _md(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(result):
    obs = result["observations"]
    lines = [BEGIN, "", "### GSO PX-Web tables by province, 2015-2019 (Vietnamese exports)", "",
             "Written by `python -m tools.import_pxweb` from the exports in `tools/import_pxweb/raw/` (copies kept in a "
             "public repository; repository, commit, path and SHA-256 in `raw/ORIGIN.csv`). A figure is one cell, "
             "converted to the canonical unit by the factor of `catalogue.csv`; a column headed \"Sơ bộ\" is "
             "preliminary.", "",
             f"Tables read: {len(result['stats'])}; figures loaded: {len(obs)}; cells not loaded: "
             f"{sum(result['skipped'].values())}; empty cells: {sum(s['empty'] for s in result['stats'])}.", "",
             "| table | years | figures | empty |", "| --- | --- | ---: | ---: |"]
    for s in result["stats"]:
        lines.append(f"| [{_md(s['title'])}]({s['url']}) | {s['years'][0]}-{s['years'][-1]} | {s['loaded']} | "
                     f"{s['empty']} |")
    lines += ["", "Figures by indicator and year:", "", "| indicator | year | figures | units |",
              "| --- | --- | ---: | ---: |"]
    groups = {}
    for o in obs:
        groups.setdefault((o["indicator_id"], o["period"]), set()).add(o["unit_id"])
    counts = Counter((o["indicator_id"], o["period"]) for o in obs)
    for (indicator, period), n in sorted(counts.items()):
        lines.append(f"| `{indicator}` | {period} | {n} | {len(groups[(indicator, period)])} |")
    lines += ["", "Cells not loaded, by table and reason:", "", "| table | reason | cells |", "| --- | --- | ---: |"]
    for (file, reason), n in sorted(result["skipped"].items()):
        lines.append(f"| `{file}` | {_md(reason)} | {n} |")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def splice(readme_text, block):
    return splice_report(readme_text, block, BEGIN, END)
