-- For one unit, each indicator's latest shown outcome (latest end date; of equal end dates the longest
-- span), with the same span a year before when the same unit has it, and the change between them.
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
    b.period AS before_period, b.value AS before_value,
    l.value - b.value AS change_abs,
    CASE WHEN i.measure IN ('level', 'score') AND b.value > 0 THEN (l.value / b.value - 1) * 100 END AS change_pct
FROM latest AS l
JOIN stg_indicators AS i USING (indicator_id)
JOIN stg_sources AS s ON s.source_id = l.source_id
LEFT JOIN int_observations AS b
  ON b.unit_id = l.unit_id AND b.indicator_id = l.indicator_id AND b.period = l.period_year_before
 AND b.shown AND NOT b.is_target
WHERE l.recency = 1
ORDER BY theme_order, i.display_order, l.indicator_id;
