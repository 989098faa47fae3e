-- One post-2025 province's comparable series of one indicator, as its indicator and province pages show
-- it: one figure a period for outcomes and, apart, one for targets (status plan), the most final status
-- winning (actual, preliminary, estimate), the same rule as queries/int_observations.sql. kind is
-- 'outcome' (published), 'derived' (the sum of the former provinces) or 'target'. A published figure
-- carries its source; a derived one has its parts in comparable_parts.sql. Oldest first.
WITH ranked AS (
    SELECT
        c.*,
        c.status = 'plan' AS is_target,
        row_number() OVER (
            PARTITION BY c.period, c.status = 'plan'
            ORDER BY CASE c.status WHEN 'actual' THEN 1 WHEN 'preliminary' THEN 2 WHEN 'estimate' THEN 3 ELSE 4 END
        ) AS pick
    FROM observations_comparable AS c
    WHERE c.unit_id = $unit_id AND c.indicator_id = $indicator_id
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
    r.value,
    r.derived,
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
ORDER BY end_date, start_date DESC, r.is_target, r.period;
