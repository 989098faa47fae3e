-- Pre-2025 provinces the crosswalk does not map to any post-2025 province (reported on the unit's row).
SELECT 'units' AS res, u.row, 'unit_id' AS field, u.unit_id AS cell
FROM units AS u
WHERE u.boundary = 'pre-2025' AND u.unit_type IN ('province', 'municipality')
  AND NOT EXISTS (SELECT 1 FROM unit_crosswalk AS c WHERE c.from_unit_id = u.unit_id)
ORDER BY u.row;
