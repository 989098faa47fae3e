-- Crosswalk rows starting from a unit that is not a pre-2025 province.
SELECT 'unit_crosswalk' AS res, c.row, 'from_unit_id' AS field, c.from_unit_id AS cell
FROM unit_crosswalk AS c JOIN units AS u ON u.unit_id = c.from_unit_id
WHERE coalesce(u.boundary, '') <> 'pre-2025'
ORDER BY c.row;
