-- The primary key of every data row, as its cells and as one string (fields joined by chr(0), which no cell
-- holds, so string order is field-by-field code-point order): read once for the key and order checks.
CREATE OR REPLACE TEMP TABLE keys AS
SELECT r.res, r.row, list_select(r.cells, d.idx) AS cells, array_to_string(list_select(r.cells, d.idx), chr(0)) AS key
FROM records AS r JOIN key_defs AS d ON d.res = r.res
WHERE r.row > 1;
