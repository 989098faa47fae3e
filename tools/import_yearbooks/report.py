"""The yearbook import report, written into datapackage/README.md between its own markers."""
from collections import Counter

from tools.package_rows import splice_report

BEGIN = "<!-- BEGIN yearbook import report (written by tools/import_yearbooks; do not edit by hand) -->"
END = "<!-- END yearbook import report -->"


def _md(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(result):
    obs = result["observations"]
    lines = [BEGIN, "", "### Provincial statistics offices' yearbook pages", "",
             "Written by `python -m tools.import_yearbooks` from the page texts in `tools/import_yearbooks/raw/` "
             "(stored copies from the search tool's pages corpus, whitespace collapsed; addresses, office and "
             "SHA-256 in `raw/ORIGIN.csv`). A figure is one cell of a section and column named in `catalogue.csv`; "
             "a row headed \"Sơ bộ - Prel.\" is preliminary. A figure of a page of overview text is the number inside a "
             "quote of `quotes.csv` that the importer finds on the page. `published` is left empty: no page shows its date.", "",
             f"Pages read: {len(result['stats'])}; figures loaded: {len(obs)}; cells not loaded: "
             f"{sum(result['skipped'].values())}.", "",
             "| page | unit | edition | figures |", "| --- | --- | --- | ---: |"]
    for s in result["stats"]:
        lines.append(f"| [{_md(s['title'])}]({s['url']}) | {s['unit']} | {s['edition']} | {s['loaded']} |")
    lines += ["", "Figures by indicator:", "", "| indicator | figures | years |", "| --- | ---: | --- |"]
    years = {}
    for o in obs:
        years.setdefault(o["indicator_id"], set()).add(o["period"])
    for indicator, n in sorted(Counter(o["indicator_id"] for o in obs).items()):
        span = sorted(years[indicator])
        lines.append(f"| `{indicator}` | {n} | {span[0]}-{span[-1]} |")
    if result["skipped"]:
        lines += ["", "Cells not loaded (one a catalogued column and year):", "",
                  "| page | reason | cells |", "| --- | --- | ---: |"]
        for (file, reason), n in sorted(result["skipped"].items()):
            lines.append(f"| `{file}` | {_md(reason)} | {n} |")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def splice(readme_text, block):
    return splice_report(readme_text, block, BEGIN, END)
