SELECT c.indicator_id, c.period, c.status, c.value, c.parts, c.source_ids
FROM observations_comparable AS c
WHERE c.unit_id = 'bac-ninh' AND c.derived
ORDER BY c.indicator_id, c.period, c.status;
