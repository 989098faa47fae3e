-- Cells of a unique field that repeat an earlier row's value; first_row is where the value first appears.
WITH c AS (
    SELECT r.res, r.row, f.pos, r.cells[f.pos + 1] AS value
    FROM records AS r JOIN fields AS f ON f.res = r.res
    WHERE r.row > 1 AND f.is_unique AND NOT list_contains(f.missing, r.cells[f.pos + 1])
      AND NOT EXISTS (SELECT 1 FROM blank_rows AS b WHERE b.res = r.res AND b.row = r.row)
), d AS (
    SELECT res, pos, value, min(row) AS first_row FROM c GROUP BY res, pos, value HAVING count(*) > 1
)
SELECT c.res, c.row, c.pos, c.value, d.first_row
FROM c JOIN d ON d.res = c.res AND d.pos = c.pos AND d.value = c.value
WHERE c.row > d.first_row
ORDER BY c.res, c.row, c.pos;
