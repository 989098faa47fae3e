-- The figures that rest on one source, for its page: by theme and indicator, then unit and time.
SELECT o.indicator_id, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en,
       i.unit, i.decimals, o.unit_id, u.name_vi, u.name_en, u.boundary, o.period, o.status, o.value, o.shown
FROM int_observations AS o
JOIN stg_indicators AS i USING (indicator_id)
JOIN stg_units AS u USING (unit_id)
WHERE o.source_id = $source_id
ORDER BY list_position($themes, i.theme), i.display_order, o.indicator_id, u.name_vi, o.unit_id, o.end_date, o.period, o.status;
