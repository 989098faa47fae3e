-- Every shown outcome of one unit, by indicator and time: sparklines pick the latest figure's span.
SELECT indicator_id, period, period_span, end_date, value
FROM int_outcomes
WHERE unit_id = $unit_id
ORDER BY indicator_id, end_date, start_date DESC, period;
