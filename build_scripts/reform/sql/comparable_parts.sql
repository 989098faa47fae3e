-- The parts behind each derived point of one post-2025 province and one indicator (see
-- reform_comparable_parts.sql), oldest first, then by the former province's Vietnamese name.
SELECT
    unit_id, indicator_id, period, status, part_unit_id, part_name_vi, part_name_en, part_value, part_backcast,
    part_source_id, part_source_title, part_source_publisher, part_source_url, part_source_published
FROM reform_comparable_parts
WHERE unit_id = $unit_id AND indicator_id = $indicator_id
ORDER BY end_date, period, status, part_name_vi, part_unit_id;
