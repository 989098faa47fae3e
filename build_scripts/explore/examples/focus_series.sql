SELECT o.indicator_id, o.period, o.status, o.value, i.unit, s.title AS source, s.published, s.url
FROM observations AS o
JOIN indicators AS i ON i.indicator_id = o.indicator_id
JOIN sources AS s ON s.source_id = o.source_id
WHERE o.unit_id = 'bac-ninh'
ORDER BY o.indicator_id, o.period, o.status, s.published DESC, o.source_id;
