-- Every cell that may break its field's schema, in one pass over the records: missing where required, not in the
-- plain form of its type (Python then decides with frictionless's rules), outside its enum, too long or short,
-- out of bounds. Blank rows and cells padded into short rows are left out.
WITH c AS (
    SELECT r.res, r.row, f.pos, r.cells[f.pos + 1] AS value, f.type, f.required, f.enum, f.min_length, f.max_length,
           f.minimum, f.maximum, list_contains(f.missing, r.cells[f.pos + 1]) AS is_missing
    FROM records AS r JOIN fields AS f ON f.res = r.res
    WHERE r.row > 1 AND (f.type <> 'string' OR f.required OR f.enum IS NOT NULL OR f.max_length IS NOT NULL
                         OR f.min_length IS NOT NULL)
), flagged AS (
    SELECT res, row, pos, value, type, enum, min_length, max_length, minimum, maximum,
        required AND is_missing AS missing_required,
        NOT is_missing AND (CASE type
            WHEN 'integer' THEN NOT regexp_full_match(value, '-?[0-9]{1,18}')
            WHEN 'number' THEN NOT regexp_full_match(value, '-?[0-9]{1,15}(\.[0-9]{1,15})?')
            WHEN 'boolean' THEN value NOT IN ('true', 'false', 'True', 'False', 'TRUE', 'FALSE', '1', '0')
            WHEN 'date' THEN NOT regexp_full_match(value, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(value AS DATE) IS NULL
            ELSE FALSE END) AS odd_type,
        NOT is_missing AND enum IS NOT NULL AND NOT list_contains(enum, value) AS bad_enum,
        NOT is_missing AND (length(value) > max_length OR length(value) < min_length) AS bad_length,
        NOT is_missing AND type IN ('integer', 'number') AND (TRY_CAST(trim(value) AS DOUBLE) < minimum
            OR TRY_CAST(trim(value) AS DOUBLE) > maximum
            OR ((minimum IS NOT NULL OR maximum IS NOT NULL) AND isnan(TRY_CAST(trim(value) AS DOUBLE)))) AS bad_bound,
        length(value) AS length
    FROM c
)
SELECT res, row, pos, value, type, array_to_string(enum, ', ') AS allowed, min_length, max_length, minimum, maximum,
       length, missing_required, odd_type, bad_enum, bad_length, bad_bound
FROM flagged
WHERE (missing_required OR odd_type OR bad_enum OR bad_length OR bad_bound)
  AND NOT EXISTS (SELECT 1 FROM blank_rows AS b WHERE b.res = flagged.res AND b.row = flagged.row)
  AND NOT EXISTS (SELECT 1 FROM padded AS p WHERE p.res = flagged.res AND p.row = flagged.row AND p.pos = flagged.pos)
ORDER BY res, row, pos;
