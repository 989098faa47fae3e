-- Every slice's content as a digest: one row a (kind, key), its number of figures and the SHA-256 of its
-- rows (one JSON text a row, in the slice's own order: indicator_slice.sql, unit_slice.sql). A slice's files,
-- and the API document that lists its figures, are made again only when this digest changes.
SELECT
    'indicators' AS kind,
    indicator_id AS key,
    count(*) AS figures,
    sha256(string_agg(to_json(l)::VARCHAR, chr(10)
        ORDER BY indicator_id, unit_id, period_start, period_end, period, status, source_id)) AS digest
FROM research_long AS l
GROUP BY indicator_id
UNION ALL
SELECT
    'units' AS kind,
    unit_id AS key,
    count(*) AS figures,
    sha256(string_agg(to_json(l)::VARCHAR, chr(10)
        ORDER BY indicator_id, unit_id, period_start, period_end, period, status, source_id)) AS digest
FROM research_long AS l
GROUP BY unit_id
ORDER BY kind, key;
