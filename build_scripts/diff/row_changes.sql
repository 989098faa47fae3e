-- Rows added or removed in any table, and each cell changed in a row present on both sides.
WITH base AS (SELECT * FROM stg_rows WHERE side = 'base'),
head AS (SELECT * FROM stg_rows WHERE side = 'head'),
base_rows AS (SELECT DISTINCT resource, row_key FROM base),
head_rows AS (SELECT DISTINCT resource, row_key FROM head),
both_rows AS (SELECT resource, row_key FROM base_rows INTERSECT SELECT resource, row_key FROM head_rows)
SELECT resource, row_key, 'added' AS change, NULL AS field, NULL AS old_value, NULL AS new_value
FROM (SELECT resource, row_key FROM head_rows EXCEPT SELECT resource, row_key FROM base_rows)
UNION ALL
SELECT resource, row_key, 'removed', NULL, NULL, NULL
FROM (SELECT resource, row_key FROM base_rows EXCEPT SELECT resource, row_key FROM head_rows)
UNION ALL
SELECT resource, row_key, 'changed', field, base.value, head.value
FROM base
FULL JOIN head USING (resource, row_key, field)
SEMI JOIN both_rows USING (resource, row_key)
WHERE base.value IS DISTINCT FROM head.value
ORDER BY resource, row_key, change, field NULLS FIRST;
