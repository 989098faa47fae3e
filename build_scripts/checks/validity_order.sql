-- A unit that stops existing before it starts.
SELECT 'units' AS res, row, 'valid_to' AS field, valid_to AS cell, valid_from
FROM units
WHERE TRY_CAST(valid_to AS DATE) < TRY_CAST(valid_from AS DATE)
ORDER BY row;
