-- The figure each page shows of a comparable series, computed once for all pages (comparable_series.sql
-- reads it): per post-2025 province, indicator and period, one outcome and, apart, one target (status
-- plan), the most final status winning (actual, preliminary, estimate), the rule of
-- queries/int_observations.sql. kind is 'outcome' (published), 'derived' (the sum of the former
-- provinces) or 'target'. A published figure carries its source; a derived one has its parts in
-- reform_comparable_parts.
CREATE OR REPLACE TABLE reform_comparable_shown AS
WITH ranked AS (
    SELECT
        c.*,
        c.status = 'plan' AS is_target,
        row_number() OVER (
            PARTITION BY c.unit_id, c.indicator_id, c.period, c.status = 'plan'
            ORDER BY status_rank(c.status)
        ) AS pick
    FROM observations_comparable AS c
)
SELECT
    r.unit_id,
    r.indicator_id,
    r.period,
    period_kind(r.period) AS period_kind,
    substr(r.period, 5) AS period_span,
    period_start(r.period) AS start_date,
    period_end(r.period) AS end_date,
    r.status,
    r.is_target,
    r.value,
    r.qualifier,
    r.derived,
    r.backcast,
    CASE WHEN r.is_target THEN 'target' WHEN r.derived THEN 'derived' ELSE 'outcome' END AS kind,
    r.parts,
    r.source_ids,
    s.title AS source_title,
    s.publisher AS source_publisher,
    s.url AS source_url,
    s.published AS source_published
FROM ranked AS r
LEFT JOIN stg_sources AS s ON NOT r.derived AND s.source_id = r.source_ids
WHERE r.pick = 1
ORDER BY r.unit_id, r.indicator_id, r.period, r.status;
