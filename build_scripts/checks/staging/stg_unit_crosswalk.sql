CREATE OR REPLACE TEMP TABLE unit_crosswalk AS
SELECT r.row,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'unit_crosswalk' AND name = 'from_unit_id')] AS from_unit_id,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'unit_crosswalk' AND name = 'to_unit_id')] AS to_unit_id,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'unit_crosswalk' AND name = 'effective_date')] AS effective_date,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'unit_crosswalk' AND name = 'transfer')] AS transfer
FROM records AS r
WHERE r.res = 'unit_crosswalk' AND r.row > 1 AND r.row NOT IN (SELECT row FROM blank_rows WHERE res = 'unit_crosswalk');
