-- Every cell that may break its field's schema, one row a (cell, kind): missing where required; not in the plain
-- form of its type (Python then decides with frictionless's rules); outside its enum; too long or too short; out of
-- bounds. Each kind reads only the fields that have that constraint. Blank rows and cells of columns the header
-- lacks are left out.
WITH c AS (
    SELECT r.res, r.row, f.pos, r.cells[f.pos + 1] AS value, 'required' AS kind
    FROM records AS r JOIN fields AS f ON f.res = r.res
    WHERE r.row > 1 AND f.required AND list_contains(f.missing, r.cells[f.pos + 1])
    UNION ALL
    SELECT res, row, pos, value, 'type' AS kind FROM (
        SELECT r.res, r.row, f.pos, r.cells[f.pos + 1] AS value, f.type, f.missing
        FROM records AS r JOIN fields AS f ON f.res = r.res
        WHERE r.row > 1 AND f.type <> 'string'
    ) AS t
    WHERE NOT list_contains(missing, value) AND CASE type
        WHEN 'integer' THEN NOT regexp_full_match(value, '-?[0-9]{1,9}')
        WHEN 'number' THEN NOT regexp_full_match(value, '-?[0-9]{1,15}(\.[0-9]{1,15})?')
        WHEN 'boolean' THEN value NOT IN ('true', 'false', 'True', 'False', 'TRUE', 'FALSE', '1', '0')
        WHEN 'date' THEN NOT regexp_full_match(value, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(value AS DATE) IS NULL
        ELSE FALSE END
    UNION ALL
    SELECT r.res, r.row, f.pos, r.cells[f.pos + 1] AS value, 'enum' AS kind
    FROM records AS r JOIN fields AS f ON f.res = r.res
    WHERE r.row > 1 AND f.enum IS NOT NULL AND NOT list_contains(f.enum, r.cells[f.pos + 1])
      AND NOT list_contains(f.missing, r.cells[f.pos + 1])
    UNION ALL
    SELECT r.res, r.row, f.pos, r.cells[f.pos + 1] AS value, 'length' AS kind
    FROM records AS r JOIN fields AS f ON f.res = r.res
    WHERE r.row > 1 AND (f.max_length IS NOT NULL OR f.min_length IS NOT NULL)
      AND (length(r.cells[f.pos + 1]) > f.max_length OR length(r.cells[f.pos + 1]) < f.min_length)
      AND NOT list_contains(f.missing, r.cells[f.pos + 1])
    UNION ALL
    SELECT res, row, pos, value, 'bound' AS kind FROM (
        SELECT r.res, r.row, f.pos, r.cells[f.pos + 1] AS value, TRY_CAST(trim(r.cells[f.pos + 1]) AS DOUBLE) AS number,
               f.minimum, f.maximum
        FROM records AS r JOIN fields AS f ON f.res = r.res
        WHERE r.row > 1 AND f.type IN ('integer', 'number') AND (f.minimum IS NOT NULL OR f.maximum IS NOT NULL)
          AND NOT list_contains(f.missing, r.cells[f.pos + 1])
    ) AS b
    WHERE number < minimum OR number > maximum OR isnan(number)
)
SELECT c.res, c.row, c.pos, c.value, c.kind, f.type, array_to_string(f.enum, ', ') AS allowed, f.min_length,
       f.max_length, f.minimum, f.maximum, length(c.value) AS length
FROM c JOIN fields AS f ON f.res = c.res AND f.pos = c.pos
WHERE NOT EXISTS (SELECT 1 FROM blank_rows AS b WHERE b.res = c.res AND b.row = c.row)
  AND NOT EXISTS (SELECT 1 FROM padded AS p WHERE p.res = c.res AND p.row = c.row AND p.pos = c.pos)
ORDER BY c.res, c.row, c.pos, c.kind;
