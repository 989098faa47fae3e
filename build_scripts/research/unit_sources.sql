-- The sources the figures of one unit rest on, with how many figures each gives.
SELECT s.source_id, s.title, s.publisher, s.url, s.published, s.language, s.kind, count(*) AS figures
FROM stg_sources AS s
JOIN research_long AS l USING (source_id)
WHERE l.unit_id = $key
GROUP BY ALL
ORDER BY s.source_id;
