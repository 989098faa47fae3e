-- Every published figure of one indicator, all units, in long format: the per-indicator download.
SELECT *
FROM research_long
WHERE indicator_id = $key
ORDER BY indicator_id, unit_id, period_start, period_end, period, status, source_id;
