-- One unit's shown figures of one indicator over time: outcomes and, apart, targets (status plan),
-- with the source of each figure.
SELECT
    o.period, o.period_kind, o.period_span, o.start_date, o.end_date, o.value, o.qualifier, o.status, o.note, o.note_vi,
    CASE WHEN o.is_target THEN 'target' ELSE 'outcome' END AS kind,
    o.figures_in_group,
    s.source_id, s.title AS source_title, s.publisher AS source_publisher, s.url AS source_url,
    s.published AS source_published
FROM int_observations AS o
JOIN stg_sources AS s USING (source_id)
WHERE o.indicator_id = $indicator_id AND o.unit_id = $unit_id AND o.shown
ORDER BY o.end_date, o.start_date DESC, o.is_target, o.period;
