-- The periods that get a report: those with at least $min_figures shown outcomes of one of the focus
-- units ($focus_ids: the focus province and its same-named predecessor, counted apart, never together).
-- Oldest first, by end date then start date.
WITH per_unit AS (
    SELECT unit_id, period, start_date, end_date, count(*) AS figures
    FROM int_observations
    WHERE list_contains($focus_ids, unit_id) AND shown AND NOT is_target
    GROUP BY unit_id, period, start_date, end_date
)
SELECT period, any_value(start_date) AS start_date, any_value(end_date) AS end_date, max(figures) AS figures
FROM per_unit
WHERE figures >= $min_figures
GROUP BY period
ORDER BY end_date, start_date DESC, period;
