-- Every source with the number of figures and units that rest on it.
SELECT s.*,
    (SELECT count(*) FROM stg_observations AS o WHERE o.source_id = s.source_id) AS figures,
    (SELECT count(*) FROM stg_units AS u WHERE u.source_id = s.source_id)
      + (SELECT count(*) FROM stg_unit_crosswalk AS c WHERE c.source_id = s.source_id) AS unit_rows
FROM stg_sources AS s
ORDER BY s.published DESC NULLS LAST, s.source_id;
