CREATE OR REPLACE TEMP TABLE indicators AS
SELECT r.row,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'indicators' AND name = 'indicator_id')] AS indicator_id,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'indicators' AND name = 'unit')] AS unit,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'indicators' AND name = 'measure')] AS measure
FROM records AS r
WHERE r.res = 'indicators' AND r.row > 1 AND r.row NOT IN (SELECT row FROM blank_rows WHERE res = 'indicators');
