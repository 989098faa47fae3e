-- Every shown outcome of a province or municipality ranked among the units of its boundary for the same
-- indicator and period: higher first unless higher_is_better is false; ties share a rank (pre-2025 and
-- post-2025 provinces are never ranked together). Computed once a connection; report_province_figures.sql
-- reads one period and boundary of it.
CREATE OR REPLACE TABLE int_province_ranks AS
SELECT
    o.period, u.boundary, o.indicator_id, o.unit_id, u.name_vi, u.name_en, o.value,
    rank() OVER (
        PARTITION BY o.period, u.boundary, o.indicator_id
        ORDER BY CASE WHEN coalesce(i.higher_is_better, true) THEN -o.value ELSE o.value END
    ) AS rank
FROM int_outcomes AS o
JOIN stg_units AS u USING (unit_id)
JOIN stg_indicators AS i USING (indicator_id)
WHERE u.unit_type IN ('province', 'municipality') AND u.boundary IS NOT NULL
ORDER BY o.period, u.boundary, o.indicator_id, rank, u.name_vi, o.unit_id;
