-- units, one row a record, cells named by the schema (the one place a field name meets a position).
CREATE OR REPLACE TEMP TABLE units AS
SELECT r.row,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'units' AND name = 'unit_id')] AS unit_id,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'units' AND name = 'unit_type')] AS unit_type,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'units' AND name = 'boundary')] AS boundary,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'units' AND name = 'valid_from')] AS valid_from,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'units' AND name = 'valid_to')] AS valid_to,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'units' AND name = 'tile_row')] AS tile_row,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'units' AND name = 'tile_col')] AS tile_col
FROM records AS r
WHERE r.res = 'units' AND r.row > 1 AND r.row NOT IN (SELECT row FROM blank_rows WHERE res = 'units');
