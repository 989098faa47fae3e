-- Every source with the number of figures and units that rest on it, the newest first (undated last).
WITH figures AS (SELECT source_id, count(*) AS n FROM stg_observations GROUP BY source_id),
unit_rows AS (
    SELECT source_id, count(*) AS n
    FROM (SELECT source_id FROM stg_units UNION ALL SELECT source_id FROM stg_unit_crosswalk)
    GROUP BY source_id
)
SELECT s.*, coalesce(f.n, 0) AS figures, coalesce(u.n, 0) AS unit_rows
FROM stg_sources AS s
LEFT JOIN figures AS f USING (source_id)
LEFT JOIN unit_rows AS u USING (source_id)
ORDER BY s.published DESC NULLS LAST, s.source_id;
