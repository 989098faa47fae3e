-- Every figure with its source, for the sources page: grouped by source there.
SELECT o.source_id, o.indicator_id, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en,
       i.unit, i.decimals, o.unit_id, u.name_vi, u.name_en, u.boundary, o.period, o.status, o.value, o.shown
FROM int_observations AS o
JOIN stg_indicators AS i USING (indicator_id)
JOIN stg_units AS u USING (unit_id)
ORDER BY o.source_id, i.theme, o.indicator_id, u.name_vi, o.unit_id, o.end_date, o.period, o.status;
