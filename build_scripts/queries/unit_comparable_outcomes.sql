-- A post-2025 province's shown outcomes (as unit_outcomes.sql) and, before the reform, the figures derived
-- from its former provinces (build_scripts/reform), by indicator and time: its page's sparklines.
SELECT indicator_id, period, period_span, end_date, start_date, value, 'outcome' AS kind
FROM int_outcomes
WHERE unit_id = $unit_id
UNION ALL
SELECT indicator_id, period, period_span, end_date, start_date, value, kind
FROM reform_comparable_shown
WHERE unit_id = $unit_id AND kind = 'derived'
ORDER BY indicator_id, end_date, start_date DESC, period;
