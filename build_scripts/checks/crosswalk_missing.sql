-- A province that ceased to exist (valid_to set) with no crosswalk row taking its territory somewhere from the
-- next day (reported on the unit's row).
SELECT 'units' AS res, u.row, 'unit_id' AS field, u.unit_id AS cell,
       strftime(TRY_CAST(u.valid_to AS DATE) + 1, '%Y-%m-%d') AS effective_date
FROM units AS u
WHERE u.unit_type IN ('province', 'municipality') AND NULLIF(u.valid_to, '') IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM unit_crosswalk AS c
      WHERE c.from_unit_id = u.unit_id AND TRY_CAST(c.effective_date AS DATE) = TRY_CAST(u.valid_to AS DATE) + 1
  )
ORDER BY u.row;
