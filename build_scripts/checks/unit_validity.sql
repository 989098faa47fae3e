-- A figure whose period ends when its unit did not exist: after the unit's valid_to (never allowed), or before
-- its valid_from without the back-cast mark (a publisher's figure for a later boundary must say so). A period
-- belongs to the unit valid on its last day, as statistics offices report a year on the boundary of 31 December.
SELECT 'observations' AS res, o.row, 'period' AS field, o.period AS cell, o.unit_id AS unit,
       strftime(p.period_end, '%Y-%m-%d') AS period_end,
       CASE WHEN NULLIF(u.valid_from, '') IS NULL THEN 'until ' || u.valid_to
            WHEN NULLIF(u.valid_to, '') IS NULL THEN 'from ' || u.valid_from
            ELSE 'from ' || u.valid_from || ' to ' || u.valid_to END AS validity
FROM observations AS o JOIN periods AS p ON p.period = o.period JOIN units AS u ON u.unit_id = o.unit_id
WHERE p.period_end > TRY_CAST(NULLIF(u.valid_to, '') AS DATE)
   OR (p.period_end < TRY_CAST(NULLIF(u.valid_from, '') AS DATE) AND coalesce(o.backcast, '') <> 'true')
ORDER BY o.row;
