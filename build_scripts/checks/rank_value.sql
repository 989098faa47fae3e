-- Ranks must be whole numbers from 1.
SELECT 'observations' AS res, o.row, 'value' AS field, o.value AS cell, o.indicator_id AS indicator
FROM observations AS o JOIN indicators AS i ON i.indicator_id = o.indicator_id
WHERE i.measure = 'rank' AND isfinite(o.num) AND (o.num < 1 OR o.num <> floor(o.num))
ORDER BY o.row;
