-- Every published figure of one unit, all indicators, in long format: the per-unit download.
SELECT *
FROM research_long
WHERE unit_id = $key
ORDER BY indicator_id, unit_id, period_start, period_end, period, status, source_id;
