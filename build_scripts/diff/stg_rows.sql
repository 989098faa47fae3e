-- The first row of each key in each table on each side (a duplicate key is a validation error; the diff keeps the first).
CREATE OR REPLACE VIEW stg_rows AS
SELECT c.side, c.resource, c.row_key, c.row_number, c.field, c.value
FROM cells AS c
JOIN (
    SELECT side, resource, row_key, min(row_number) AS row_number
    FROM cells
    GROUP BY side, resource, row_key
) AS first_rows USING (side, resource, row_key, row_number);
