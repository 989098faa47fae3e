-- Units placed on the tile-grid map of one boundary's provinces (the 63 before 2025-07-01 or the 34 after).
SELECT unit_id, name_vi, name_en, tile_row, tile_col
FROM stg_units
WHERE tile_row IS NOT NULL AND tile_col IS NOT NULL AND boundary IS NOT DISTINCT FROM $boundary
ORDER BY tile_row, tile_col, unit_id;
