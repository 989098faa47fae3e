-- Rows repeating an earlier row's primary key (first_row is the earlier row), and rows whose key cells are all
-- missing (first_row NULL), as frictionless reports them.
WITH k AS (
    SELECT r.res, r.row, array_to_string(list_select(r.cells, d.idx), chr(0)) AS key, list_select(r.cells, d.idx) AS cells
    FROM records AS r JOIN key_defs AS d ON d.res = r.res
    WHERE r.row > 1
), dup AS (
    SELECT res, key, min(row) AS first_row FROM k GROUP BY res, key HAVING count(*) > 1
)
SELECT k.res, k.row, k.cells AS key, dup.first_row
FROM k JOIN dup ON dup.res = k.res AND dup.key = k.key
WHERE k.row > dup.first_row AND list_max(k.cells) <> ''
UNION ALL
SELECT res, row, cells AS key, NULL AS first_row FROM k WHERE list_max(cells) = ''
ORDER BY 1, 2;
