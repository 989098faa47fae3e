SELECT u.name_vi AS province, o.value, i.unit, s.published, o.source_id
FROM observations AS o
JOIN units AS u ON u.unit_id = o.unit_id
JOIN indicators AS i ON i.indicator_id = o.indicator_id
JOIN sources AS s ON s.source_id = o.source_id
WHERE o.indicator_id = 'population' AND o.period = '2023' AND o.status = 'actual'
  AND u.unit_type IN ('province', 'municipality')
QUALIFY row_number() OVER (PARTITION BY o.unit_id ORDER BY s.published DESC NULLS LAST, o.source_id) = 1
ORDER BY o.value DESC, province;
