-- Every figure a post-2025 province's pages show as derived from its former provinces (the reform's
-- comparable series: reform_comparable_shown, kind derived) beside each part's figure and source
-- (reform_comparable_parts), joined once a connection; unit_derived_parts.sql reads one province of it.
CREATE OR REPLACE TABLE int_derived_parts AS
SELECT
    d.unit_id, d.indicator_id, d.period, d.status, d.start_date, d.end_date, d.value,
    p.part_unit_id, p.part_name_vi, p.part_name_en, p.part_value, p.part_backcast,
    p.part_source_id, p.part_source_title, p.part_source_publisher, p.part_source_url
FROM reform_comparable_shown AS d
JOIN reform_comparable_parts AS p
  ON p.unit_id = d.unit_id AND p.indicator_id = d.indicator_id AND p.period = d.period AND p.status = d.status
WHERE d.kind = 'derived'
ORDER BY d.unit_id, d.indicator_id, d.end_date, d.start_date DESC, d.period, d.status, p.part_name_vi, p.part_unit_id;
