-- The rows holding given (resource, position, value) triples, e.g. the values that failed a pattern.
SELECT r.res, r.row, b.pos, b.value
FROM records AS r JOIN (SELECT unnest(?, recursive := true)) AS b ON b.res = r.res AND r.cells[b.pos + 1] = b.value
WHERE r.row > 1
  AND NOT EXISTS (SELECT 1 FROM blank_rows AS x WHERE x.res = r.res AND x.row = r.row)
  AND NOT EXISTS (SELECT 1 FROM padded AS p WHERE p.res = r.res AND p.row = r.row AND p.pos = b.pos)
ORDER BY r.res, r.row, b.pos;
