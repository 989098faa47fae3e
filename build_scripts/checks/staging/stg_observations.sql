CREATE OR REPLACE TEMP TABLE observations AS
SELECT r.row,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'unit_id')] AS unit_id,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'indicator_id')] AS indicator_id,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'period')] AS period,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'status')] AS status,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'source_id')] AS source_id,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'value')] AS value,
    TRY_CAST(trim(r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'value')]) AS DOUBLE) AS num
FROM records AS r
WHERE r.res = 'observations' AND r.row > 1 AND r.row NOT IN (SELECT row FROM blank_rows WHERE res = 'observations');
