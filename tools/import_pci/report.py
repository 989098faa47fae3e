"""The PCI import report, written into datapackage/README.md between its own markers."""
from collections import Counter

from tools.package_rows import splice_report

BEGIN = "<!-- BEGIN PCI import report (written by tools/import_pci; do not edit by hand) -->"
END = "<!-- END PCI import report -->"


def _md(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(pages, missing, observations, skipped, notes):
    lines = [BEGIN, "", "### PCI history from VCCI's province pages", "",
             "Written by `python -m tools.import_pci` from the page texts in `tools/import_pci/raw/` (stored copies "
             "from the search tool's pages corpus; addresses and SHA-256 in `raw/ORIGIN.csv`). Each page's table "
             "\"Rankings In The Provincial Competitiveness Index (1-63)\" gives one figure a row and PCI year; the "
             "period is the PCI year, status actual, values as printed. `published` is left empty: no page shows a "
             "date of publication or update. The ranking of all provinces for one year (`raw/table-*.txt`, \"Bảng xếp hạng\", the year named in its address) gives one figure a cell.", "",
             f"Pages read: {len(pages)}; figures loaded: {len(observations)}; cells skipped: {len(skipped)}.", "",
             "| page | language | years | figures | skipped |", "| --- | --- | --- | ---: | ---: |"]
    for p in pages:
        lines.append(f"| [{_md(p['title'])}]({p['url']}) | {p['language']} | {min(p['years'])}-{max(p['years'])} | "
                     f"{p['loaded']} | {len(p['skipped'])} |")
    lines += ["", "Figures by indicator:", "", "| indicator | figures |", "| --- | ---: |"]
    for indicator, n in sorted(Counter(o["indicator_id"] for o in observations).items()):
        lines.append(f"| `{indicator}` | {n} |")
    lines += ["", "Figures by unit:", "", "| unit | figures |", "| --- | ---: |"]
    for unit, n in sorted(Counter(o["unit_id"] for o in observations).items()):
        lines.append(f"| {unit} | {n} |")
    lines += ["", "Cells skipped, by reason:", "", "| reason | cells |", "| --- | ---: |"]
    for reason, n in sorted(Counter(s["reason"] for s in skipped).items()):
        lines.append(f"| {_md(reason)} | {n} |")
    lines += ["", "Provinces (63 before the 2025 reform) with no VCCI province page found in the stored pages, "
              f"so no figures from this importer ({len(missing)}): " + (", ".join(missing) or "none") + "."]
    if notes:
        lines += ["", "Notes:", ""] + [f"- {_md(n)}" for n in notes]
    lines += ["", END]
    return "\n".join(lines) + "\n"


def splice(readme_text, block):
    return splice_report(readme_text, block, BEGIN, END)
