-- For each indicator with annual figures of pre-2025 provinces, the most provinces one year covers.
WITH per_year AS (
    SELECT o.indicator_id, o.period, count(DISTINCT o.unit_id) AS provinces
    FROM stg_observations AS o JOIN stg_units AS u USING (unit_id)
    WHERE u.boundary = 'pre-2025' AND o.status <> 'plan' AND period_kind(o.period) = 'year'
    GROUP BY o.indicator_id, o.period
)
SELECT indicator_id, max(provinces) FROM per_year GROUP BY indicator_id ORDER BY indicator_id;
