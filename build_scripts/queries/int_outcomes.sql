-- Every shown outcome (int_observations: shown, not a target) with what the unit and report pages compare it
-- with, computed once a connection instead of in every page query:
--   * recency: 1 for each unit and indicator's latest outcome (latest end date; of equal end dates the
--     longest span, then the period), 2 for the one before, ...;
--   * own_before_*: the same unit's shown outcome of the same span a year before (period macros);
--   * derived_before_*: for a post-2025 province, the figure of that period derived from its former
--     provinces (reform_comparable_shown, kind derived; build_scripts/reform);
--   * target_*: the unit's shown target (status plan) for the same period, else for the period's year.
-- Read by unit_latest*.sql, unit_outcomes.sql, unit_comparable_outcomes.sql and report_figures.sql, which
-- keep their own rules for combining these columns. Sorted by unit, so a page's scan reads few blocks.
CREATE OR REPLACE TABLE int_outcomes AS
WITH outcomes AS (
    SELECT * FROM int_observations WHERE shown AND NOT is_target
),
targets AS (
    SELECT unit_id, indicator_id, period, value, source_id FROM int_observations WHERE shown AND is_target
)
SELECT
    o.unit_id, o.indicator_id, o.period, o.period_kind, o.period_span, o.start_date, o.end_date,
    o.period_year_before, o.value, o.qualifier, o.status, o.note, o.note_vi, o.source_id, o.figures_in_group,
    row_number() OVER (PARTITION BY o.unit_id, o.indicator_id ORDER BY o.end_date DESC, o.start_date, o.period)
        AS recency,
    b.period AS own_before_period,
    b.value AS own_before_value,
    d.period AS derived_before_period,
    d.value AS derived_before_value,
    coalesce(tp.period, ty.period) AS target_period,
    coalesce(tp.value, ty.value) AS target_value,
    coalesce(tp.source_id, ty.source_id) AS target_source_id
FROM outcomes AS o
LEFT JOIN outcomes AS b
  ON b.unit_id = o.unit_id AND b.indicator_id = o.indicator_id AND b.period = o.period_year_before
LEFT JOIN reform_comparable_shown AS d
  ON d.unit_id = o.unit_id AND d.indicator_id = o.indicator_id AND d.period = o.period_year_before
 AND d.kind = 'derived'
LEFT JOIN targets AS tp ON tp.unit_id = o.unit_id AND tp.indicator_id = o.indicator_id AND tp.period = o.period
LEFT JOIN targets AS ty
  ON ty.unit_id = o.unit_id AND ty.indicator_id = o.indicator_id AND ty.period = CAST(period_year(o.period) AS VARCHAR)
ORDER BY o.unit_id, o.indicator_id, o.end_date, o.start_date DESC, o.period;
