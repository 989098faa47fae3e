-- For a post-2025 province, as unit_latest.sql: each indicator's latest shown outcome, compared with the
-- same span a year before: its own published figure or, failing that, the figure derived from its former
-- provinces before the reform (before_derived; build_scripts/reform).
WITH latest AS (
    SELECT o.*,
        row_number() OVER (PARTITION BY o.indicator_id ORDER BY o.end_date DESC, o.start_date, o.period) AS recency
    FROM int_observations AS o
    WHERE o.unit_id = $unit_id AND o.shown AND NOT o.is_target
)
SELECT
    l.indicator_id, i.theme, list_position($themes, i.theme) AS theme_order, i.display_order, i.headline,
    i.name_vi, i.name_en, i.unit, i.measure, i.decimals,
    l.period, l.period_span, l.end_date, l.value, l.status, l.source_id,
    s.url AS source_url, s.publisher AS source_publisher, s.title AS source_title,
    coalesce(p.period, d.period) AS before_period, coalesce(p.value, d.value) AS before_value,
    p.value IS NULL AND d.value IS NOT NULL AS before_derived,
    l.value - coalesce(p.value, d.value) AS change_abs,
    CASE WHEN i.measure IN ('level', 'score') AND coalesce(p.value, d.value) > 0
         THEN (l.value / coalesce(p.value, d.value) - 1) * 100 END AS change_pct
FROM latest AS l
JOIN stg_indicators AS i USING (indicator_id)
JOIN stg_sources AS s ON s.source_id = l.source_id
LEFT JOIN int_observations AS p
  ON p.unit_id = l.unit_id AND p.indicator_id = l.indicator_id AND p.period = l.period_year_before
 AND p.shown AND NOT p.is_target
LEFT JOIN reform_comparable_shown AS d
  ON d.unit_id = l.unit_id AND d.indicator_id = l.indicator_id AND d.period = l.period_year_before
 AND d.kind = 'derived'
WHERE l.recency = 1
ORDER BY theme_order, i.display_order, l.indicator_id;
