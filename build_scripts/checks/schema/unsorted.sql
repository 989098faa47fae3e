-- The first row of each file that sorts before the row above it (canonical order: the primary key fields compared
-- as strings, field by field, code point by code point).
SELECT b.res, min(b.row) AS row
FROM keys AS a JOIN keys AS b ON b.res = a.res AND b.row = a.row + 1
WHERE b.key < a.key
GROUP BY b.res
ORDER BY b.res;
