-- All provinces ranked on one indicator for the latest period that has figures for at least two of
-- them (units of one boundary only: pre-2025 and post-2025 provinces are never ranked together).
-- Higher first unless higher_is_better is false; ties share a rank. focus marks the units in $focus_ids
-- (the focus province and its same-named predecessor).
WITH outcomes AS (
    SELECT o.*, u.name_vi, u.name_en, u.boundary
    FROM int_observations AS o
    JOIN stg_units AS u USING (unit_id)
    WHERE o.indicator_id = $indicator_id AND o.shown AND NOT o.is_target
      AND u.unit_type IN ('province', 'municipality')
),
chosen AS (
    SELECT period, boundary
    FROM outcomes
    GROUP BY period, boundary, end_date, start_date
    HAVING count(*) >= 2
    ORDER BY end_date DESC, start_date, count(*) DESC, boundary DESC NULLS LAST, period
    LIMIT 1
),
direction AS (
    SELECT coalesce(higher_is_better, true) AS higher FROM stg_indicators WHERE indicator_id = $indicator_id
)
SELECT
    o.unit_id, o.name_vi, o.name_en, o.value, o.period, o.boundary, o.source_id,
    rank() OVER (ORDER BY CASE WHEN d.higher THEN -o.value ELSE o.value END) AS rank,
    list_contains($focus_ids, o.unit_id) AS focus
FROM outcomes AS o
JOIN chosen AS c ON c.period = o.period AND c.boundary IS NOT DISTINCT FROM o.boundary
CROSS JOIN direction AS d
ORDER BY rank, o.name_vi, o.unit_id;
