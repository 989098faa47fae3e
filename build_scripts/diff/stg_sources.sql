-- Each source on each side, with the number of figures that cite it on that side.
CREATE OR REPLACE VIEW stg_sources AS
WITH sources AS (
    SELECT
        side,
        row_key,
        max(value) FILTER (WHERE field = 'source_id') AS source_id,
        max(value) FILTER (WHERE field = 'title') AS title,
        max(value) FILTER (WHERE field = 'publisher') AS publisher,
        max(value) FILTER (WHERE field = 'url') AS url,
        max(value) FILTER (WHERE field = 'published') AS published
    FROM stg_rows
    WHERE resource = 'sources'
    GROUP BY side, row_key
),
citations AS (
    SELECT side, source_id, count(*) AS figures
    FROM stg_observations
    GROUP BY side, source_id
)
SELECT sources.*, coalesce(citations.figures, 0) AS figures
FROM sources
LEFT JOIN citations USING (side, source_id);
