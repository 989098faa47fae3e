-- Units placed on the tile-grid map of Vietnam (post-2025 provinces with a tile position).
SELECT unit_id, name_vi, name_en, tile_row, tile_col
FROM stg_units
WHERE tile_row IS NOT NULL AND tile_col IS NOT NULL
ORDER BY tile_row, tile_col, unit_id;
