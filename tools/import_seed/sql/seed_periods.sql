-- Each distinct seed period with its canonical spelling, kind, first and last day (NULL kind = invalid).
WITH canon AS (
    SELECT p AS seed, coalesce(period_canonical_hint(p), p) AS period FROM seed_period
)
SELECT seed, period, period_kind(period) AS kind,
       CASE WHEN period_kind(period) IS NOT NULL THEN period_start(period) END AS start_date,
       CASE WHEN period_kind(period) IS NOT NULL THEN period_end(period) END AS end_date
FROM canon
ORDER BY seed;
