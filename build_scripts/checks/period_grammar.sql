-- Periods outside the grammar (YYYY, YYYY-Qn, YYYY-H1, YYYY-nM, YYYY-MM), with the canonical spelling when there is one.
SELECT 'observations' AS res, o.row, 'period' AS field, o.period AS cell, coalesce(period_canonical_hint(o.period), '') AS hint
FROM observations AS o JOIN periods AS p ON p.period = o.period
WHERE p.kind IS NULL AND o.period <> ''
ORDER BY o.row;
