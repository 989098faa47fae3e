"""The comparable series across every boundary change, on a tiny package written to tmp_path and checked by
hand: the new Bắc Ninh before 2025 is the former Bắc Ninh plus Bắc Giang, and before 1997 Hà Bắc where a figure
exists, or the statistics office's back-cast figures for the two provinces formed in 1997; the new Hà Nội and
Phú Thọ stop at 2008, when Mê Linh moved from Vĩnh Phúc to Hà Nội (a partial transfer: no sum crosses it)."""

from __future__ import annotations

from pathlib import Path

from build_scripts import db
from build_scripts.reform import comparable, partitions
from test_reform import HEADERS, write_package
from tests import package_text

SOURCES = """\
src-a,Niên giám A,Cục Thống kê A,https://example.org/a,2024-01-15,vi,statistics_office
src-x,Nghị quyết,Quốc hội,https://example.org/nq,2025-06-12,vi,government
"""

UNITS = """\
bac-giang-pre2025,Bắc Giang,Bac Giang,province,pre-2025,,24,,1997-01-01,2025-06-30,,,src-x,
bac-ninh,Bắc Ninh,Bac Ninh,province,post-2025,,,,2025-07-01,,1,2,src-x,
bac-ninh-pre2025,Bắc Ninh,Bac Ninh,province,pre-2025,,27,,1997-01-01,2025-06-30,,,src-x,
ha-bac-pre1997,Hà Bắc,Ha Bac,province,,,,,,1996-12-31,,,src-x,
ha-tay-pre2008,Hà Tây,Ha Tay,province,,,,,,2008-07-31,,,src-x,
hanoi,Hà Nội,Hanoi,municipality,post-2025,,,,2025-07-01,,1,1,src-x,
hanoi-pre2008,Hà Nội,Hanoi,municipality,,,,,,2008-07-31,,,src-x,
hanoi-pre2025,Hà Nội,Hanoi,municipality,pre-2025,,01,,2008-08-01,2025-06-30,,,src-x,
phu-tho,Phú Thọ,Phu Tho,province,post-2025,,,,2025-07-01,,0,1,src-x,
phu-tho-pre2025,Phú Thọ,Phu Tho,province,pre-2025,,25,,1997-01-01,2025-06-30,,,src-x,
vinh-phu-pre1997,Vĩnh Phú,Vinh Phu,province,,,,,,1996-12-31,,,src-x,
vinh-phuc-pre2025,Vĩnh Phúc,Vinh Phuc,province,pre-2025,,26,,1997-01-01,2025-06-30,,,src-x,
viet-nam,Việt Nam,Viet Nam,country,,,,,,,,,src-x,
"""

CROSSWALK = """\
bac-giang-pre2025,bac-ninh,2025-07-01,whole,,src-x
bac-ninh-pre2025,bac-ninh,2025-07-01,whole,,src-x
ha-bac-pre1997,bac-giang-pre2025,1997-01-01,partial,,src-x
ha-bac-pre1997,bac-ninh-pre2025,1997-01-01,partial,,src-x
ha-tay-pre2008,hanoi-pre2025,2008-08-01,whole,,src-x
hanoi-pre2008,hanoi-pre2025,2008-08-01,whole,,src-x
hanoi-pre2025,hanoi,2025-07-01,whole,,src-x
phu-tho-pre2025,phu-tho,2025-07-01,whole,,src-x
vinh-phu-pre1997,phu-tho-pre2025,1997-01-01,partial,,src-x
vinh-phu-pre1997,vinh-phuc-pre2025,1997-01-01,partial,,src-x
vinh-phuc-pre2025,hanoi-pre2025,2008-08-01,partial,Mê Linh district,src-x
vinh-phuc-pre2025,phu-tho,2025-07-01,whole,,src-x
"""

# export_value is additive. 1994: Hà Bắc's own figure. 1995: only back-casts of the two 1997 provinces.
# 1996: Hà Bắc and the back-casts both (Hà Bắc, the boundary of the time, wins). 2007-2008: Hà Nội and
# Vĩnh Phúc on both sides of the 2008 change.
OBSERVATIONS = """\
ha-bac-pre1997,export_value,1994,actual,src-a,70,,
ha-bac-pre1997,export_value,1996,actual,src-a,90,,
bac-ninh-pre2025,export_value,1995,actual,src-a,30,,true
bac-giang-pre2025,export_value,1995,actual,src-a,50,,true
bac-ninh-pre2025,export_value,1996,actual,src-a,31,,true
bac-giang-pre2025,export_value,1996,actual,src-a,51,,true
bac-ninh-pre2025,export_value,2010,actual,src-a,1000.1,,
bac-giang-pre2025,export_value,2010,actual,src-a,200.2,,
bac-ninh-pre2025,export_value,2011,actual,src-a,1100,,
hanoi-pre2008,export_value,2007,actual,src-a,400,,
ha-tay-pre2008,export_value,2007,actual,src-a,100,,
hanoi-pre2025,export_value,2008,actual,src-a,600,,
hanoi-pre2025,export_value,2006,actual,src-a,480,,true
vinh-phuc-pre2025,export_value,2007,actual,src-a,80,,
phu-tho-pre2025,export_value,2007,actual,src-a,20,,
vinh-phuc-pre2025,export_value,2009,actual,src-a,70,,
phu-tho-pre2025,export_value,2009,actual,src-a,25,,
"""


def rows(tmp_path: Path) -> dict[tuple, dict]:
    package = write_package(tmp_path, OBSERVATIONS)
    for name, body in (("units", UNITS), ("unit_crosswalk", CROSSWALK), ("sources", SOURCES),
                       ("observations", OBSERVATIONS)):
        # the crosswalk and the observations are written in full (transfers, back-casts)
        header = (",".join(package_text.fields(name)) if name == "unit_crosswalk"
                  else "unit_id,indicator_id,period,status,source_id,value,note,backcast" if name == "observations"
                  else HEADERS[name])
        (package / "data" / f"{name}.csv").write_text(package_text.complete(name, header + "\n" + body),
                                                      encoding="utf-8")
    con = db.load_package(package)
    return {(r["unit_id"], r["period"]): r for r in comparable.comparable_rows(con)
            if r["indicator_id"] == "export_value"}


def test_the_chain_of_eras_follows_whole_transfers_and_stops_at_a_partial_one(tmp_path):
    package = write_package(tmp_path, OBSERVATIONS)
    for name, body in (("units", UNITS), ("unit_crosswalk", CROSSWALK)):
        path = package / "data" / f"{name}.csv"
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n" + body, encoding="utf-8")
    con = db.load_package(package)
    partitions.build(con)
    eras = con.execute("SELECT unit_id, generation, CAST(era_start AS VARCHAR), CAST(era_end AS VARCHAR), "
                       "string_agg(part_unit_id, ' ' ORDER BY part_unit_id) FROM reform_partitions "
                       "GROUP BY ALL ORDER BY ALL").fetchall()
    assert eras == [
        ("bac-ninh", 1, "1997-01-01", "2025-07-01", "bac-giang-pre2025 bac-ninh-pre2025"),
        ("bac-ninh", 2, None, "1997-01-01", "ha-bac-pre1997"),
        ("hanoi", 1, "2008-08-01", "2025-07-01", "hanoi-pre2025"),
        ("phu-tho", 1, "2008-08-01", "2025-07-01", "phu-tho-pre2025 vinh-phuc-pre2025"),
    ]


def test_new_bac_ninh_sums_by_hand_across_1997_and_2025(tmp_path):
    got = rows(tmp_path)
    # 2010: the two former provinces, 1000.1 + 200.2 (exact)
    assert got[("bac-ninh", "2010")]["value"] == 1200.3
    assert got[("bac-ninh", "2010")]["parts"] == "bac-giang-pre2025=200.2@src-a; bac-ninh-pre2025=1000.1@src-a"
    assert got[("bac-ninh", "2010")]["backcast"] is False
    # 2011: Bắc Giang has no figure, so no partial sum
    assert ("bac-ninh", "2011") not in got
    # 1994 and 1996: Hà Bắc, the boundary of the time (the 1996 back-casts give 82 and are not used)
    assert got[("bac-ninh", "1994")]["value"] == 70 and got[("bac-ninh", "1994")]["parts"] == "ha-bac-pre1997=70@src-a"
    assert got[("bac-ninh", "1996")]["value"] == 90
    # 1995: no Hà Bắc figure; the statistics office's back-casts 30 + 50, marked
    assert got[("bac-ninh", "1995")]["value"] == 80 and got[("bac-ninh", "1995")]["backcast"] is True


def test_a_partial_transfer_breaks_the_series_instead_of_summing_across_it(tmp_path):
    got = rows(tmp_path)
    # Hà Nội: from 2008 its own former self; 2007 would need old Hà Nội + Hà Tây + Mê Linh (a part of
    # Vĩnh Phúc): not summed. 2006 is the publisher's back-cast onto the 2008 boundary: it stands, marked.
    assert got[("hanoi", "2008")]["value"] == 600
    assert ("hanoi", "2007") not in got
    assert got[("hanoi", "2006")]["value"] == 480 and got[("hanoi", "2006")]["backcast"] is True
    # Phú Thọ: 2009 is Phú Thọ + Vĩnh Phúc after Mê Linh left (70 + 25); 2007's Vĩnh Phúc still held Mê Linh
    assert got[("phu-tho", "2009")]["value"] == 95
    assert ("phu-tho", "2007") not in got
