-- Crosswalk rows pointing to a unit that is not a post-2025 province.
SELECT 'unit_crosswalk' AS res, c.row, 'to_unit_id' AS field, c.to_unit_id AS cell
FROM unit_crosswalk AS c JOIN units AS u ON u.unit_id = c.to_unit_id
WHERE coalesce(u.boundary, '') <> 'post-2025'
ORDER BY c.row;
