-- One post-2025 province's comparable series of one indicator as its pages show it (one outcome and one
-- target a period; see reform_comparable_shown.sql), oldest first.
SELECT
    unit_id, indicator_id, period, period_kind, period_span, start_date, end_date, status, value, qualifier, derived, backcast,
    kind, parts, source_ids, source_title, source_publisher, source_url, source_published
FROM reform_comparable_shown
WHERE unit_id = $unit_id AND indicator_id = $indicator_id
ORDER BY end_date, start_date DESC, is_target, period;
