-- Every boundary change a unit took part in, oldest first: where its territory went (direction 'to') and
-- whose territory it received (direction 'from'), whole or in part (part: what moved, as the legal text
-- names it), with the legal text. Each row links the other unit, whose page lists the same change.
SELECT c.effective_date, 'to' AS direction, c.to_unit_id AS unit_id, u.name_vi, u.name_en, u.boundary, c.transfer, c.part,
       c.source_id, s.url AS source_url, s.publisher AS source_publisher, s.title AS source_title
FROM stg_unit_crosswalk AS c
JOIN stg_units AS u ON u.unit_id = c.to_unit_id
JOIN stg_sources AS s ON s.source_id = c.source_id
WHERE c.from_unit_id = $unit_id
UNION ALL
SELECT c.effective_date, 'from' AS direction, c.from_unit_id AS unit_id, u.name_vi, u.name_en, u.boundary, c.transfer, c.part,
       c.source_id, s.url AS source_url, s.publisher AS source_publisher, s.title AS source_title
FROM stg_unit_crosswalk AS c
JOIN stg_units AS u ON u.unit_id = c.from_unit_id
JOIN stg_sources AS s ON s.source_id = c.source_id
WHERE c.to_unit_id = $unit_id
ORDER BY effective_date, direction DESC, name_vi, unit_id;
