-- The provinces and municipalities of one boundary that have a tile on the map, in tile order.
-- focus marks the units in $focus_ids.
SELECT unit_id, name_vi, name_en, tile_row, tile_col, list_contains($focus_ids, unit_id) AS focus
FROM stg_units
WHERE boundary = $boundary AND unit_type IN ('province', 'municipality')
  AND tile_row IS NOT NULL AND tile_col IS NOT NULL
ORDER BY tile_row, tile_col, unit_id;
