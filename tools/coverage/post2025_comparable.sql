-- For each post-2025 province, the additive indicators whose comparable series has annual outcomes for at
-- least $years years, and the first day of its chain of boundary changes (the start of its oldest era).
WITH series AS (
    SELECT c.unit_id, c.indicator_id, count(DISTINCT c.period) AS years
    FROM observations_comparable AS c
    WHERE c.status <> 'plan' AND period_kind(c.period) = 'year'
    GROUP BY c.unit_id, c.indicator_id
),
chain AS (
    SELECT unit_id, min(coalesce(era_start, DATE '0001-01-01')) AS first_day FROM reform_partitions GROUP BY unit_id
)
SELECT u.unit_id, count(s.indicator_id) FILTER (WHERE s.years >= $years) AS indicators,
       CAST(year(c.first_day) AS VARCHAR) AS first_year
FROM stg_units AS u LEFT JOIN series AS s USING (unit_id) LEFT JOIN chain AS c USING (unit_id)
WHERE u.boundary = 'post-2025'
GROUP BY u.unit_id, c.first_day
ORDER BY u.unit_id;
