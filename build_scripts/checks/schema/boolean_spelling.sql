-- Booleans not written true or false (canonical form), among those frictionless reads as booleans.
SELECT r.res, r.row, f.pos, r.cells[f.pos + 1] AS value
FROM records AS r JOIN fields AS f ON f.res = r.res
WHERE r.row > 1 AND f.type = 'boolean' AND r.cells[f.pos + 1] IN ('True', 'False', 'TRUE', 'FALSE', '1', '0')
ORDER BY r.res, r.row, f.pos;
