-- Levels that cannot be negative: every level except money balances and changes (indicator ids matching the
-- signed-level pattern bound from catalog.toml, e.g. trade_balance, fdi_adjusted_capital).
SELECT 'observations' AS res, o.row, 'value' AS field, o.value AS cell, o.indicator_id AS indicator, i.unit
FROM observations AS o JOIN indicators AS i ON i.indicator_id = o.indicator_id
WHERE i.measure = 'level' AND isfinite(o.num) AND o.num < 0 AND NOT regexp_matches(i.indicator_id, $signed_level_pattern)
ORDER BY o.row;
