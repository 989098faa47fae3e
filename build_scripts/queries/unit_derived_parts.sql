-- Every derived figure a post-2025 province's pages show (the sum of its former provinces, before the
-- reform; build_scripts/reform) with each part's figure and source (int_derived_parts.sql), by indicator in
-- catalogue order, then by time and the former province's Vietnamese name.
SELECT
    d.indicator_id, i.name_vi, i.name_en, i.unit, i.decimals,
    list_position($themes, i.theme) AS theme_order, i.display_order,
    d.period, d.status, d.end_date, d.value,
    d.part_unit_id, d.part_name_vi, d.part_name_en, d.part_value, d.part_backcast,
    d.part_source_id, d.part_source_title, d.part_source_publisher, d.part_source_url
FROM int_derived_parts AS d
JOIN stg_indicators AS i ON i.indicator_id = d.indicator_id
WHERE d.unit_id = $unit_id
ORDER BY theme_order, i.display_order, d.indicator_id, d.end_date, d.start_date DESC, d.period, d.status,
         d.part_name_vi, d.part_unit_id;
