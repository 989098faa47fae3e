-- Adjacent rows whose keys are out of order (backwards) or equal (a repeated key), in one pass: canonical order is
-- the primary key fields compared as strings, field by field, code point by code point. In a sorted file every
-- repeated key sits next to its twin, so this also finds the primary-key errors; a file with backwards rows gets
-- the full primary_key query instead.
SELECT b.res, b.row, a.row AS previous_row, replace(b.key, chr(0), ', ') AS key, b.key < a.key AS backwards
FROM keys AS a JOIN keys AS b ON b.res = a.res AND b.row = a.row + 1
WHERE b.key <= a.key AND replace(b.key, chr(0), '') <> ''
ORDER BY b.res, b.row;
