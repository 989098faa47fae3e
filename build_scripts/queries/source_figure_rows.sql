-- Every source's figures as the rows of its page (one row an indicator and unit), with what a row shows
-- that makes its weight: the names and the number of figures. Cuts the source pages into parts.
SELECT o.source_id, o.indicator_id, o.unit_id,
       max(length(i.name_vi)) + max(length(u.name_vi)) AS name_chars,
       count(*) AS figures
FROM int_observations AS o
JOIN stg_indicators AS i USING (indicator_id)
JOIN stg_units AS u USING (unit_id)
GROUP BY o.source_id, i.theme, i.display_order, o.indicator_id, u.name_vi, o.unit_id
ORDER BY o.source_id, list_position($themes, i.theme), i.display_order, o.indicator_id, u.name_vi, o.unit_id;
