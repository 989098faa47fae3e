-- For the years $first to $last: how many (unit, indicator) series of the pre-2025 provinces cover how many of
-- those years with annual outcomes (not targets), and how many provinces have a series of at least $min years.
WITH series AS (
    SELECT o.unit_id, o.indicator_id, count(DISTINCT o.period) AS years
    FROM stg_observations AS o JOIN stg_units AS u USING (unit_id)
    WHERE u.boundary = 'pre-2025' AND u.unit_type IN ('province', 'municipality') AND o.status <> 'plan'
      AND period_kind(o.period) = 'year' AND TRY_CAST(o.period AS INTEGER) BETWEEN $first AND $last
    GROUP BY o.unit_id, o.indicator_id
)
SELECT years, count(*) AS series, count(DISTINCT unit_id) AS provinces, count(DISTINCT indicator_id) AS indicators
FROM series
GROUP BY years
ORDER BY years;
