-- How many rows hold a foreign key (not all of it missing) that matches no row of the referenced resource; the
-- rows themselves are listed by foreign_key.sql, run only when this finds some.
WITH src AS (
    SELECT DISTINCT d.res, d.fk, list_select(r.cells, d.idx) AS key
    FROM records AS r JOIN fk_defs AS d ON d.res = r.res
    WHERE r.row > 1
), ref AS (
    SELECT DISTINCT d.res, d.fk, list_select(r.cells, d.ref_idx) AS key
    FROM records AS r JOIN fk_defs AS d ON d.ref_res = r.res
    WHERE r.row > 1
)
SELECT count(*) AS bad FROM src AS s
WHERE list_max(s.key) <> ''
  AND NOT EXISTS (SELECT 1 FROM ref WHERE ref.res = s.res AND ref.fk = s.fk AND ref.key = s.key);
