-- The first row of each file that sorts before the row above it (canonical order: the primary key fields compared
-- as strings, field by field; chr(0) never occurs in a cell, so joining the fields with it keeps that order).
WITH k AS (
    SELECT r.res, r.row, array_to_string(list_select(r.cells, d.idx), chr(0)) AS key
    FROM records AS r JOIN key_defs AS d ON d.res = r.res WHERE r.row > 1
)
SELECT b.res, min(b.row) AS row
FROM k AS a JOIN k AS b ON b.res = a.res AND b.row = a.row + 1
WHERE b.key < a.key
GROUP BY b.res
ORDER BY b.res;
