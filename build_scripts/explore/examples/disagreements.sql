SELECT o.unit_id, o.indicator_id, o.period, o.status,
       count(*) AS sources, min(o.value) AS lowest, max(o.value) AS highest,
       string_agg(o.source_id, ' ' ORDER BY o.source_id) AS source_ids
FROM observations AS o
GROUP BY o.unit_id, o.indicator_id, o.period, o.status
HAVING min(o.value) <> max(o.value)
ORDER BY o.unit_id, o.indicator_id, o.period, o.status;
