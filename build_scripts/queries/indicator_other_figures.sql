-- Figures of one indicator that are not shown because another source or a more final status was
-- preferred, each beside the shown figure of the same unit, period and kind.
SELECT
    o.unit_id, u.name_vi, u.name_en, o.period, o.start_date, o.end_date, o.status, o.value, o.qualifier, o.note, o.note_vi,
    CASE WHEN o.is_target THEN 'target' ELSE 'outcome' END AS kind,
    s.source_id, s.title AS source_title, s.publisher AS source_publisher, s.url AS source_url,
    s.published AS source_published,
    shown.value AS shown_value, shown.source_id AS shown_source_id
FROM int_observations AS o
JOIN stg_units AS u USING (unit_id)
JOIN stg_sources AS s ON s.source_id = o.source_id
JOIN int_observations AS shown
  ON shown.unit_id = o.unit_id AND shown.indicator_id = o.indicator_id
 AND shown.period = o.period AND shown.is_target = o.is_target AND shown.shown
WHERE o.indicator_id = $indicator_id AND NOT o.shown
ORDER BY o.end_date DESC, o.period, u.name_vi, o.unit_id, o.status, o.source_id;
