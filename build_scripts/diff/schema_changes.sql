-- What the change does to datapackage.json: resources and fields added or removed, and each property changed
-- (of the package, of a resource or its schema, of a field present on both sides).
WITH base AS (SELECT * FROM properties WHERE side = 'base'),
head AS (SELECT * FROM properties WHERE side = 'head'),
base_items AS (SELECT DISTINCT scope, name FROM base WHERE scope <> 'package'),
head_items AS (SELECT DISTINCT scope, name FROM head WHERE scope <> 'package'),
both_items AS (
    SELECT scope, name FROM base_items INTERSECT SELECT scope, name FROM head_items
    UNION ALL SELECT 'package', ''
),
changes AS (
    SELECT scope, name, 'added' AS change, NULL AS property, NULL AS old_value, NULL AS new_value
    FROM (SELECT scope, name FROM head_items EXCEPT SELECT scope, name FROM base_items)
    UNION ALL
    SELECT scope, name, 'removed', NULL, NULL, NULL
    FROM (SELECT scope, name FROM base_items EXCEPT SELECT scope, name FROM head_items)
    UNION ALL
    SELECT scope, name, 'changed', property, base.value, head.value
    FROM base
    FULL JOIN head USING (scope, name, property)
    SEMI JOIN both_items USING (scope, name)
    WHERE base.value IS DISTINCT FROM head.value
)
SELECT scope, name, change, property, old_value, new_value
FROM changes
ORDER BY CASE scope WHEN 'package' THEN 0 WHEN 'resource' THEN 1 ELSE 2 END, name, change, property NULLS FIRST;
