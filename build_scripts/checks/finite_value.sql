-- Numbers that are not finite (NaN, Infinity): frictionless reads them as numbers, a figure cannot be one.
-- (Every such spelling holds an n or N, which no plain number does: a cheap filter before the pattern.)
SELECT r.res, r.row, f.name AS field, r.cells[f.pos + 1] AS cell
FROM records AS r JOIN fields AS f ON f.res = r.res
WHERE r.row > 1 AND f.type = 'number' AND (contains(r.cells[f.pos + 1], 'n') OR contains(r.cells[f.pos + 1], 'N'))
  AND regexp_full_match(lower(trim(r.cells[f.pos + 1])), '[+-]?(s?nan|inf|infinity)')
ORDER BY r.res, r.row;
