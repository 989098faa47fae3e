-- The figure changes in report order: by indicator, then unit, then period (by its start), status and source.
SELECT
    indicator_id, indicator_name, indicator_unit, unit_id, period, status, source_id, change,
    old_value, new_value, relative_change_pct, old_note, new_note
FROM figure_changes
ORDER BY
    indicator_id NULLS LAST, unit_id NULLS LAST, period_start(period) NULLS LAST, period NULLS LAST,
    status NULLS LAST, source_id NULLS LAST;
