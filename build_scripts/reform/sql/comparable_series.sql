-- One post-2025 province's comparable series of one indicator, for its indicator and province pages:
-- every row of observations_comparable with the period's kind and dates, oldest first.
SELECT
    c.unit_id,
    c.indicator_id,
    c.period,
    period_kind(c.period) AS period_kind,
    period_start(c.period) AS start_date,
    period_end(c.period) AS end_date,
    c.status,
    c.status = 'plan' AS is_target,
    c.value,
    c.derived,
    c.parts,
    c.source_ids
FROM observations_comparable AS c
WHERE c.unit_id = $unit_id AND c.indicator_id = $indicator_id
ORDER BY end_date, start_date, c.period, c.status;
