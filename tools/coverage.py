"""How complete the package's panels are, as a researcher would measure them: python -m tools.coverage.

Prints the number of figures and the share from statistics offices; for each pre-2025 province, the
indicators with at least 10 years of annual figures; for each post-2025 province, the additive indicators
whose comparable series (published or derived) has at least 10 annual points; and the largest number of
pre-2025 provinces one year of one indicator covers. With --span FIRST LAST, also the figures by kind of
publisher (all years, and the annual outcomes of FIRST-LAST) and how many years of FIRST-LAST the provinces'
series cover. Exit 0; it only reads.
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = Path(__file__).resolve().parent / "coverage"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.coverage", description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, default=ROOT / "datapackage")
    parser.add_argument("--years", type=int, default=10, help="years a series needs (default 10)")
    parser.add_argument("--indicators", type=int, default=15, help="indicators a pre-2025 province needs")
    parser.add_argument("--additive", type=int, default=5, help="comparable additive indicators a new province needs")
    parser.add_argument("--span", type=int, nargs=2, metavar=("FIRST", "LAST"),
                        help="also print figures by kind of publisher and the series' years within FIRST-LAST")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from build_scripts import db
    from build_scripts.reform import comparable

    con = db.load_package(args.package)
    comparable.prepare(con)

    def rows(name, **params):
        cursor = con.execute((QUERIES / f"{name}.sql").read_text(encoding="utf-8"), params)
        return cursor.fetchall()

    total, official = rows("figures")[0]
    print(f"figures: {total}; from statistics offices: {official} ({100 * official / total:.1f} %)")
    pre = rows("pre2025_panels", years=args.years)
    short = [(u, n) for u, n in pre if n < args.indicators]
    print(f"pre-2025 provinces with at least {args.indicators} indicators of at least {args.years} years: "
          f"{len(pre) - len(short)} of {len(pre)}; short: {short}")
    post = rows("post2025_comparable", years=args.years)
    short = [(u, n, first) for u, n, first in post if n < args.additive]
    print(f"post-2025 provinces with a comparable series of at least {args.years} years for at least {args.additive} "
          f"additive indicators: {len(post) - len(short)} of {len(post)}; short (province, indicators, "
          f"first year of its chain): {short}")
    best = rows("ranking_coverage")
    print("indicators whose best year covers at least 60 of the 63 pre-2025 provinces: "
          f"{sum(1 for _i, n in best if n >= 60)} of {len(best)} with pre-2025 figures")
    if args.span:
        first, last = args.span
        print(f"figures by kind of publisher (all years; annual outcomes {first}-{last}):")
        for kind, figures, in_span in rows("figures_by_kind", first=first, last=last):
            print(f"  {kind}: {figures}; {in_span}")
        print(f"pre-2025 province series by years covered in {first}-{last} (years: series, provinces, indicators):")
        for years, series, provinces, indicators in rows("span_years", first=first, last=last):
            print(f"  {years}: {series}, {provinces}, {indicators}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
