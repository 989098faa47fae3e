-- Every derived figure a post-2025 province's pages show (the sum of its former provinces, before the
-- reform; build_scripts/reform) with each part's figure and source, by indicator in catalogue order, then
-- by time and the former province's Vietnamese name.
SELECT
    d.indicator_id, i.name_vi, i.name_en, i.unit, i.decimals,
    list_position($themes, i.theme) AS theme_order, i.display_order,
    d.period, d.status, d.end_date, d.value,
    p.part_unit_id, p.part_name_vi, p.part_name_en, p.part_value,
    p.part_source_id, p.part_source_title, p.part_source_publisher, p.part_source_url
FROM reform_comparable_shown AS d
JOIN reform_comparable_parts AS p
  ON p.unit_id = d.unit_id AND p.indicator_id = d.indicator_id AND p.period = d.period AND p.status = d.status
JOIN stg_indicators AS i ON i.indicator_id = d.indicator_id
WHERE d.unit_id = $unit_id AND d.kind = 'derived'
ORDER BY theme_order, i.display_order, d.indicator_id, d.end_date, d.start_date DESC, d.period, d.status,
         p.part_name_vi, p.part_unit_id;
