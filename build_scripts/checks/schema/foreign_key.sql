-- Rows whose foreign key (no cell of it missing) matches no row of the referenced resource.
WITH src AS (
    SELECT r.res, r.row, d.fk, list_select(r.cells, d.idx) AS key
    FROM records AS r JOIN fk_defs AS d ON d.res = r.res
    WHERE r.row > 1 AND NOT EXISTS (SELECT 1 FROM blank_rows AS b WHERE b.res = r.res AND b.row = r.row)
), ref AS (
    SELECT DISTINCT d.res, d.fk, list_select(r.cells, d.ref_idx) AS key
    FROM records AS r JOIN fk_defs AS d ON d.ref_res = r.res
    WHERE r.row > 1
), bad AS (
    SELECT res, fk, key FROM (SELECT DISTINCT res, fk, key FROM src) AS s
    WHERE list_max(key) <> ''
      AND NOT EXISTS (SELECT 1 FROM ref WHERE ref.res = s.res AND ref.fk = s.fk AND ref.key = s.key)
)
SELECT s.res, s.row, d.fields, d.ref_res, d.ref_fields, array_to_string(s.key, ', ') AS value
FROM src AS s JOIN bad ON bad.res = s.res AND bad.fk = s.fk AND bad.key = s.key
JOIN fk_defs AS d ON d.res = s.res AND d.fk = s.fk
ORDER BY s.res, s.row, d.fields;
