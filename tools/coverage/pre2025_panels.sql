-- For each pre-2025 province, the indicators with annual outcomes (not targets) for at least $years years.
WITH series AS (
    SELECT o.unit_id, o.indicator_id, count(DISTINCT o.period) AS years
    FROM stg_observations AS o JOIN stg_units AS u USING (unit_id)
    WHERE u.boundary = 'pre-2025' AND o.status <> 'plan' AND period_kind(o.period) = 'year'
    GROUP BY o.unit_id, o.indicator_id
)
SELECT u.unit_id, count(s.indicator_id) FILTER (WHERE s.years >= $years) AS indicators
FROM stg_units AS u LEFT JOIN series AS s USING (unit_id)
WHERE u.boundary = 'pre-2025'
GROUP BY u.unit_id
ORDER BY u.unit_id;
