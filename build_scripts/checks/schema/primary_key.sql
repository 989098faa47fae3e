-- Rows repeating an earlier row's primary key (first_row is the earlier row), and rows whose key cells are all
-- missing (first_row NULL), as frictionless reports them.
WITH dup AS (
    SELECT res, key, min(row) AS first_row FROM keys GROUP BY res, key HAVING count(*) > 1
)
SELECT k.res, k.row, k.cells AS key, dup.first_row
FROM keys AS k JOIN dup ON dup.res = k.res AND dup.key = k.key
WHERE k.row > dup.first_row AND list_max(k.cells) <> ''
UNION ALL
SELECT res, row, cells AS key, NULL AS first_row FROM keys WHERE list_max(cells) = ''
ORDER BY 1, 2;
