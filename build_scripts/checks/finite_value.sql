-- Numbers that are not finite (NaN, Infinity, or too large for a double, like 1e400): frictionless reads them as
-- numbers, a figure cannot be one. (Each such spelling holds an n, N, e or E, which no plain number does.)
SELECT r.res, r.row, f.name AS field, r.cells[f.pos + 1] AS cell
FROM records AS r JOIN fields AS f ON f.res = r.res
WHERE r.row > 1 AND f.type = 'number' AND regexp_matches(r.cells[f.pos + 1], '[nNeE]')
  AND (regexp_full_match(lower(trim(r.cells[f.pos + 1])), '[+-]?(s?nan|inf|infinity)')
       OR NOT isfinite(TRY_CAST(trim(r.cells[f.pos + 1]) AS DOUBLE)))
ORDER BY r.res, r.row;
