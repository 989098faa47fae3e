-- A figure marked as a back-cast whose unit already existed when the period ended: the mark would hide
-- nothing and mislead a reader, so it is refused.
SELECT 'observations' AS res, o.row, 'backcast' AS field, o.backcast AS cell, o.unit_id AS unit, o.period AS period,
       coalesce(NULLIF(u.valid_from, ''), 'the start') AS valid_from
FROM observations AS o JOIN periods AS p ON p.period = o.period JOIN units AS u ON u.unit_id = o.unit_id
WHERE o.backcast = 'true'
  AND NOT p.period_end < coalesce(TRY_CAST(NULLIF(u.valid_from, '') AS DATE), DATE '0001-01-01')
ORDER BY o.row;
