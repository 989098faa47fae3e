-- Two units of one map (one boundary: the 63 provinces before 2025-07-01, the 34 after) on the same tile.
SELECT 'units' AS res, b.row, 'tile_row' AS field, b.tile_row || ',' || b.tile_col AS cell, a.row AS other_row, a.unit_id AS other_unit
FROM units AS a JOIN units AS b
  ON a.tile_row = b.tile_row AND a.tile_col = b.tile_col AND a.row < b.row
 AND coalesce(a.boundary, '') = coalesce(b.boundary, '')
WHERE b.tile_row <> '' AND b.tile_col <> ''
ORDER BY b.row, a.row;
