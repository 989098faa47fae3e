-- One unit's shown outcomes of one period, in report order (theme in the order of $themes, then
-- display_order), each with the same unit's shown outcome of the same period a year before and the
-- change between them, and its target: the plan for the same period, else the plan for the period's year.
-- Without the unit's own figure a year before, a post-2025 province's figure derived from its former
-- provinces (the reform's comparable series: sums of every part, additive levels only) stands in,
-- marked before_derived. int_outcomes.sql finds the figures a year before and the target once for all.
-- target_reached_pct (levels only) is the figure as a percentage of that target.
SELECT
    f.indicator_id, i.theme, list_position($themes, i.theme) AS theme_order, i.display_order, i.headline,
    i.name_vi, i.name_en, i.unit, i.measure, i.decimals,
    f.period, f.period_span, f.end_date, f.value, f.qualifier, f.status, f.note, f.note_vi, f.figures_in_group,
    s.url AS source_url, s.publisher AS source_publisher, s.title AS source_title,
    coalesce(f.own_before_period, f.derived_before_period) AS before_period,
    coalesce(f.own_before_value, f.derived_before_value) AS before_value,
    f.own_before_value IS NULL AND f.derived_before_value IS NOT NULL AS before_derived,
    f.value - coalesce(f.own_before_value, f.derived_before_value) AS change_abs,
    CASE WHEN i.measure IN ('level', 'score') AND coalesce(f.own_before_value, f.derived_before_value) > 0
         THEN (f.value / coalesce(f.own_before_value, f.derived_before_value) - 1) * 100 END AS change_pct,
    f.target_period, f.target_value,
    ts.url AS target_source_url, ts.publisher AS target_source_publisher,
    CASE WHEN i.measure = 'level' AND f.target_value > 0 THEN f.value / f.target_value * 100 END AS target_reached_pct
FROM int_outcomes AS f
JOIN stg_indicators AS i USING (indicator_id)
JOIN stg_sources AS s ON s.source_id = f.source_id
LEFT JOIN stg_sources AS ts ON ts.source_id = f.target_source_id
WHERE f.unit_id = $unit_id AND f.period = $period
ORDER BY theme_order, i.display_order, f.indicator_id;
