-- The former provinces behind each derived figure of one post-2025 province for one period (the reform's
-- comparable series), each part with its figure and the source a reader can open; by indicator, then name.
SELECT
    indicator_id, part_unit_id, part_name_vi, part_name_en, part_value,
    part_source_publisher, part_source_url
FROM reform_comparable_parts
WHERE unit_id = $unit_id AND period = $period
ORDER BY indicator_id, part_name_vi, part_unit_id;
