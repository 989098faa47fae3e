-- The unit a territory left must exist on the day before the change; after a whole transfer it must end
-- that day (it has become part of the successor).
SELECT 'unit_crosswalk' AS res, c.row, 'from_unit_id' AS field, c.from_unit_id AS cell, c.effective_date,
       coalesce(NULLIF(u.valid_from, ''), 'the start') AS valid_from,
       coalesce(NULLIF(u.valid_to, ''), 'today') AS valid_to
FROM unit_crosswalk AS c JOIN units AS u ON u.unit_id = c.from_unit_id
WHERE u.unit_type NOT IN ('province', 'municipality')
   OR TRY_CAST(c.effective_date AS DATE) <= TRY_CAST(NULLIF(u.valid_from, '') AS DATE)
   OR TRY_CAST(c.effective_date AS DATE) - 1 > TRY_CAST(NULLIF(u.valid_to, '') AS DATE)
   OR (c.transfer = 'whole'
       AND coalesce(TRY_CAST(NULLIF(u.valid_to, '') AS DATE), DATE '9999-12-31') >= TRY_CAST(c.effective_date AS DATE))
ORDER BY c.row;
