-- A post-2025 province's comparable series of every indicator (published outcomes and, before the reform,
-- the sums of its former provinces, kind 'derived'), by indicator and time: the home page's sparklines.
SELECT indicator_id, period, period_span, end_date, value, kind
FROM reform_comparable_shown
WHERE unit_id = $unit_id AND NOT is_target
ORDER BY indicator_id, end_date, start_date DESC, period;
