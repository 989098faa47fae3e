-- The parts behind every derived figure of observations_comparable, computed once for all pages
-- (comparable_parts.sql reads it): each former province's names, figure and source (title, publisher,
-- address, date), so a page can say "sum of the former Bắc Ninh and Bắc Giang" and cite both.
CREATE OR REPLACE TABLE reform_comparable_parts AS
SELECT
    c.unit_id,
    c.indicator_id,
    c.period,
    c.status,
    period_end(c.period) AS end_date,
    p.part_unit_id,
    u.name_vi AS part_name_vi,
    u.name_en AS part_name_en,
    p.value AS part_value,
    p.backcast AS part_backcast,
    p.source_id AS part_source_id,
    s.title AS part_source_title,
    s.publisher AS part_source_publisher,
    s.url AS part_source_url,
    s.published AS part_source_published
FROM observations_comparable AS c
JOIN reform_part_figures AS p
  ON p.to_unit_id = c.unit_id AND p.generation = c.generation AND p.indicator_id = c.indicator_id
 AND p.period = c.period AND p.status = c.status
JOIN stg_units AS u ON u.unit_id = p.part_unit_id
JOIN stg_sources AS s ON s.source_id = p.source_id
WHERE c.derived
ORDER BY c.unit_id, c.indicator_id, c.period, c.status, p.part_unit_id;
