-- Indicators the catalogue marks additive with measure level that are not summed all the same, because
-- their unit or their id says the figure is per person, per area, per worker or otherwise not a total.
SELECT i.indicator_id, i.unit, i.measure
FROM stg_indicators AS i
WHERE i.additive AND i.measure = 'level'
  AND i.indicator_id NOT IN (SELECT indicator_id FROM reform_additive_indicators)
ORDER BY i.indicator_id;
