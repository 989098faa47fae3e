-- Shares (measure share_pct) outside 0 to 100.
SELECT 'observations' AS res, o.row, 'value' AS field, o.value AS cell, o.indicator_id AS indicator
FROM observations AS o JOIN indicators AS i ON i.indicator_id = o.indicator_id
WHERE i.measure = 'share_pct' AND isfinite(o.num) AND (o.num < 0 OR o.num > 100)
ORDER BY o.row;
