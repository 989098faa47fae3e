-- The unit a territory went to must exist on the day the change took effect.
SELECT 'unit_crosswalk' AS res, c.row, 'to_unit_id' AS field, c.to_unit_id AS cell, c.effective_date,
       coalesce(NULLIF(u.valid_from, ''), 'the start') AS valid_from,
       coalesce(NULLIF(u.valid_to, ''), 'today') AS valid_to
FROM unit_crosswalk AS c JOIN units AS u ON u.unit_id = c.to_unit_id
WHERE u.unit_type NOT IN ('province', 'municipality')
   OR TRY_CAST(c.effective_date AS DATE) < TRY_CAST(NULLIF(u.valid_from, '') AS DATE)
   OR TRY_CAST(c.effective_date AS DATE) > TRY_CAST(NULLIF(u.valid_to, '') AS DATE)
ORDER BY c.row;
