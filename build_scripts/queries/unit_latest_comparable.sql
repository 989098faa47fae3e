-- For a post-2025 province, as unit_latest.sql: each indicator's latest shown outcome, compared with the
-- same span a year before: its own published figure or, failing that, the figure derived from its former
-- provinces before the reform (before_derived; build_scripts/reform). int_outcomes.sql holds both.
SELECT
    l.indicator_id, i.theme, list_position($themes, i.theme) AS theme_order, i.display_order, i.headline,
    i.name_vi, i.name_en, i.unit, i.measure, i.decimals,
    l.period, l.period_span, l.end_date, l.value, l.qualifier, l.status, l.source_id,
    s.url AS source_url, s.publisher AS source_publisher, s.title AS source_title,
    coalesce(l.own_before_period, l.derived_before_period) AS before_period,
    coalesce(l.own_before_value, l.derived_before_value) AS before_value,
    l.own_before_value IS NULL AND l.derived_before_value IS NOT NULL AS before_derived,
    l.value - coalesce(l.own_before_value, l.derived_before_value) AS change_abs,
    CASE WHEN i.measure IN ('level', 'score') AND coalesce(l.own_before_value, l.derived_before_value) > 0
         THEN (l.value / coalesce(l.own_before_value, l.derived_before_value) - 1) * 100 END AS change_pct
FROM int_outcomes AS l
JOIN stg_indicators AS i USING (indicator_id)
JOIN stg_sources AS s ON s.source_id = l.source_id
WHERE l.unit_id = $unit_id AND l.recency = 1
ORDER BY theme_order, i.display_order, l.indicator_id;
