-- Every shown figure of one indicator, all units, with its source: the values table.
SELECT
    o.unit_id, u.name_vi, u.name_en, u.boundary, u.unit_type,
    o.period, o.period_kind, o.start_date, o.end_date, o.value, o.status, o.note,
    CASE WHEN o.is_target THEN 'target' ELSE 'outcome' END AS kind,
    o.source_id, s.title AS source_title, s.publisher AS source_publisher, s.url AS source_url
FROM int_observations AS o
JOIN stg_units AS u USING (unit_id)
JOIN stg_sources AS s ON s.source_id = o.source_id
WHERE o.indicator_id = $indicator_id AND o.shown
ORDER BY o.end_date DESC, o.start_date, o.period, o.is_target, u.name_vi, o.unit_id;
