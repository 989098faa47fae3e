-- Which indicators gained comparable history, by post-2025 province: the number of derived points, of
-- points from more than one former province, and the first derived period (earliest start) and the last (latest end).
SELECT
    c.unit_id,
    u.name_vi,
    u.name_en,
    c.indicator_id,
    count(*) AS derived_points,
    count(*) FILTER (WHERE c.parts LIKE '%; %') AS merged_points,
    arg_min(c.period, CAST(period_start(c.period) AS VARCHAR) || CAST(period_end(c.period) AS VARCHAR) || c.period) AS first_period,
    arg_max(c.period, CAST(period_end(c.period) AS VARCHAR) || CAST(period_start(c.period) AS VARCHAR) || c.period) AS last_period
FROM observations_comparable AS c
JOIN stg_units AS u ON u.unit_id = c.unit_id
WHERE c.derived
GROUP BY c.unit_id, u.name_vi, u.name_en, c.indicator_id
ORDER BY c.unit_id, c.indicator_id;
