-- What the data page's DuckDB snippet prints: the shown outcomes of one indicator for one unit, in time order.
SELECT period, value
FROM research_long
WHERE indicator_id = $indicator_id AND unit_id = $unit_id AND shown AND status <> 'plan'
ORDER BY period_end, period_start, period;
