-- The figures derived for one post-2025 province and one indicator from its former provinces (before the
-- reform; build_scripts/reform), in the columns of indicator_series.sql, oldest first.
SELECT
    d.period, d.period_kind, d.period_span, d.start_date, d.end_date, d.value, d.qualifier, d.status, NULL AS note, NULL AS note_vi,
    d.kind, 1 AS figures_in_group,
    NULL AS source_id, NULL AS source_title, NULL AS source_publisher, NULL AS source_url, NULL AS source_published
FROM reform_comparable_shown AS d
WHERE d.unit_id = $unit_id AND d.indicator_id = $indicator_id AND d.kind = 'derived'
ORDER BY d.end_date, d.start_date DESC, d.period;
