-- Rows repeating an earlier row's key, in the files given (those not in key order), with the row it repeats.
WITH k AS (SELECT * FROM keys WHERE list_contains(?, res) AND replace(key, chr(0), '') <> ''),
dup AS (SELECT res, key FROM k GROUP BY res, key HAVING count(*) > 1)
SELECT res, row, replace(key, chr(0), ', ') AS key, previous_row FROM (
    SELECT k.res, k.row, k.key, lag(k.row) OVER (PARTITION BY k.res, k.key ORDER BY k.row) AS previous_row
    FROM k JOIN dup ON dup.res = k.res AND dup.key = k.key
)
WHERE previous_row IS NOT NULL
ORDER BY res, row;
