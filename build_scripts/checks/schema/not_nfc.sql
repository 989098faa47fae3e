-- Cells (header included) not in Unicode normalisation form C, in the files given (those whose text is not NFC).
SELECT res, row, pos, value FROM (
    SELECT r.res, r.row, unnest(range(len(r.cells))) AS pos, unnest(r.cells) AS value
    FROM records AS r
    WHERE list_contains(?, r.res)
) AS x
WHERE value <> nfc_normalize(value)
ORDER BY res, row, pos;
