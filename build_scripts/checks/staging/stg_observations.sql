-- observations, one row a record, cells named by the schema; num is the value as a double, grp a hash of the
-- unit, indicator, period and status (the group in which sources may disagree).
CREATE OR REPLACE TEMP TABLE observations AS
SELECT row, unit_id, indicator_id, period, status, source_id, value, backcast, note, note_vi, TRY_CAST(trim(value) AS DOUBLE) AS num,
       hash(unit_id, indicator_id, period, status) AS grp
FROM (
    SELECT r.row,
        r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'unit_id')] AS unit_id,
        r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'indicator_id')] AS indicator_id,
        r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'period')] AS period,
        r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'status')] AS status,
        r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'source_id')] AS source_id,
        r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'value')] AS value,
        r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'backcast')] AS backcast,
        r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'note')] AS note,
        r.cells[(SELECT pos + 1 FROM fields WHERE res = 'observations' AND name = 'note_vi')] AS note_vi
    FROM records AS r
    WHERE r.res = 'observations' AND r.row > 1 AND r.row NOT IN (SELECT row FROM blank_rows WHERE res = 'observations')
) AS o;
