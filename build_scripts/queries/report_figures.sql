-- One unit's shown outcomes of one period, in report order (theme in the order of $themes, then
-- display_order), each with the same unit's shown outcome of the same period a year before and the
-- change between them, and its target: the plan for the same period, else the plan for the period's year.
-- Without the unit's own figure a year before, a post-2025 province's figure derived from its former
-- provinces (the reform's comparable series: sums of every part, additive levels only) stands in,
-- marked before_derived.
-- target_reached_pct (levels only) is the figure as a percentage of that target.
WITH figures AS (
    SELECT *
    FROM int_observations
    WHERE unit_id = $unit_id AND period = $period AND shown AND NOT is_target
),
targets AS (
    SELECT unit_id, indicator_id, period, value, source_id
    FROM int_observations
    WHERE unit_id = $unit_id AND shown AND is_target
),
chosen_target AS (
    SELECT f.indicator_id, coalesce(tp.period, ty.period) AS period, coalesce(tp.value, ty.value) AS value,
        coalesce(tp.source_id, ty.source_id) AS source_id
    FROM figures AS f
    LEFT JOIN targets AS tp ON tp.indicator_id = f.indicator_id AND tp.period = f.period
    LEFT JOIN targets AS ty ON ty.indicator_id = f.indicator_id AND ty.period = CAST(period_year(f.period) AS VARCHAR)
)
SELECT
    f.indicator_id, i.theme, list_position($themes, i.theme) AS theme_order, i.display_order, i.headline,
    i.name_vi, i.name_en, i.unit, i.measure, i.decimals,
    f.period, f.period_span, f.end_date, f.value, f.status, f.note, f.figures_in_group,
    s.url AS source_url, s.publisher AS source_publisher, s.title AS source_title,
    coalesce(b.period, d.period) AS before_period,
    coalesce(b.value, d.value) AS before_value,
    b.value IS NULL AND d.value IS NOT NULL AS before_derived,
    f.value - coalesce(b.value, d.value) AS change_abs,
    CASE WHEN i.measure IN ('level', 'score') AND coalesce(b.value, d.value) > 0
         THEN (f.value / coalesce(b.value, d.value) - 1) * 100 END AS change_pct,
    t.period AS target_period, t.value AS target_value,
    ts.url AS target_source_url, ts.publisher AS target_source_publisher,
    CASE WHEN i.measure = 'level' AND t.value > 0 THEN f.value / t.value * 100 END AS target_reached_pct
FROM figures AS f
JOIN stg_indicators AS i USING (indicator_id)
JOIN stg_sources AS s ON s.source_id = f.source_id
LEFT JOIN int_observations AS b
  ON b.unit_id = f.unit_id AND b.indicator_id = f.indicator_id AND b.period = f.period_year_before
 AND b.shown AND NOT b.is_target
LEFT JOIN reform_comparable_shown AS d
  ON d.unit_id = f.unit_id AND d.indicator_id = f.indicator_id AND d.period = f.period_year_before
 AND d.kind = 'derived'
LEFT JOIN chosen_target AS t ON t.indicator_id = f.indicator_id
LEFT JOIN stg_sources AS ts ON ts.source_id = t.source_id
ORDER BY theme_order, i.display_order, f.indicator_id;
