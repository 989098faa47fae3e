-- The post-2025 unit a pre-2025 unit became part of.
SELECT c.to_unit_id AS unit_id, u.name_vi, u.name_en, c.effective_date, c.source_id, s.url AS source_url,
       s.publisher AS source_publisher, s.title AS source_title
FROM stg_unit_crosswalk AS c
JOIN stg_units AS u ON u.unit_id = c.to_unit_id
JOIN stg_sources AS s ON s.source_id = c.source_id
WHERE c.from_unit_id = $unit_id
ORDER BY u.name_vi, c.to_unit_id;
