-- The parts behind each derived point of one post-2025 province and one indicator: each former
-- province's name, figure and source (title, publisher, address), so a page can say "sum of the
-- former Bắc Ninh and Bắc Giang" and cite both. Only points published in observations_comparable.
SELECT
    c.unit_id,
    c.indicator_id,
    c.period,
    c.status,
    p.part_unit_id,
    u.name_vi AS part_name_vi,
    u.name_en AS part_name_en,
    p.value AS part_value,
    p.source_id AS part_source_id,
    s.title AS part_source_title,
    s.publisher AS part_source_publisher,
    s.url AS part_source_url,
    s.published AS part_source_published
FROM observations_comparable AS c
JOIN reform_part_figures AS p
  ON p.to_unit_id = c.unit_id AND p.indicator_id = c.indicator_id AND p.period = c.period AND p.status = c.status
JOIN stg_units AS u ON u.unit_id = p.part_unit_id
JOIN stg_sources AS s ON s.source_id = p.source_id
WHERE c.derived AND c.unit_id = $unit_id AND c.indicator_id = $indicator_id
ORDER BY period_end(c.period), c.period, c.status, u.name_vi, p.part_unit_id;
