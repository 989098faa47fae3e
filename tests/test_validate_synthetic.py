"""The synthetic package generator (benchmarks/synthetic.py): valid packages of the asked size, defects on
request that validation finds, and never a write into datapackage/."""

from __future__ import annotations

import pytest

from benchmarks.synthetic import DEFECTS, generate, sizes_for
from build_scripts.validate import validate_package
from tests import bad_packages as bp

EXPECTED = {
    "duplicate-key": "primary-key", "bad-period": "period", "negative-level": "negative-level",
    "share-over-100": "share-range", "unknown-unit": "foreign-key", "nan": "not-finite", "bad-type": "type-error",
    "unsorted": "canonical-form", "disagreement": "sources-disagree",
}


def test_a_generated_package_is_valid_canonical_and_sized(tmp_path):
    stats = generate(tmp_path / "p", indicators=5, provinces=3, periods=8, seed=7)
    assert stats["observations"] == 5 * 3 * (8 + 2)
    report = validate_package(tmp_path / "p")
    assert report.problems == [], [str(p) for p in report.problems[:5]]
    assert report.rows == sum(stats.values()) + 3  # + the crosswalk's three rows


def test_sizes_for_a_hundred_thousand_rows():
    n, m, p = sizes_for(100_000)
    assert abs(n * m * (p + p // 4) - 100_000) < 2_000


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    generate(tmp_path / "a", 3, 2, 4, seed=5)
    generate(tmp_path / "b", 3, 2, 4, seed=5)
    for name in bp.RESOURCES:
        assert (tmp_path / "a" / "data" / f"{name}.csv").read_bytes() == (tmp_path / "b" / "data" / f"{name}.csv").read_bytes()


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_injected_defect_is_found(tmp_path, defect):
    generate(tmp_path / "p", 8, 3, 6, seed=2, defects=[defect])
    report = validate_package(tmp_path / "p")
    assert EXPECTED[defect] in {p.type for p in report.problems}
    assert report.ok == (defect == "disagreement")


def test_it_refuses_to_write_into_the_real_package():
    with pytest.raises(ValueError):
        generate(bp.REAL / "data", 2, 2, 2)
    with pytest.raises(ValueError):
        generate(bp.REAL, 2, 2, 2)
