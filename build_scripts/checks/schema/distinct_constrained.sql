-- Each distinct value of a text field with a pattern (patterns are matched in Python, by frictionless's rules).
SELECT DISTINCT f.res, f.pos, f.pattern, r.cells[f.pos + 1] AS value
FROM records AS r JOIN fields AS f ON f.res = r.res
WHERE r.row > 1 AND f.pattern IS NOT NULL AND f.type = 'string' AND NOT list_contains(f.missing, r.cells[f.pos + 1])
ORDER BY 1, 2, 4;
