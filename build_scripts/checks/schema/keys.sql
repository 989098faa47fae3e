-- The primary key of every data row as one string: its fields joined by chr(0), which no cell holds, so string
-- order is field-by-field code-point order. Read once for the key and order checks.
CREATE OR REPLACE TEMP TABLE keys AS
SELECT r.res, r.row, array_to_string(list_select(r.cells, d.idx), chr(0)) AS key
FROM records AS r JOIN key_defs AS d ON d.res = r.res
WHERE r.row > 1;
