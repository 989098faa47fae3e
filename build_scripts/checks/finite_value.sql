-- Numbers that are not finite (NaN, Infinity): frictionless reads them as numbers, a figure cannot be one.
SELECT r.res, r.row, f.name AS field, r.cells[f.pos + 1] AS cell
FROM records AS r JOIN fields AS f ON f.res = r.res
WHERE r.row > 1 AND f.type = 'number' AND regexp_full_match(lower(trim(r.cells[f.pos + 1])), '[+-]?(s?nan|inf|infinity)')
ORDER BY r.res, r.row;
