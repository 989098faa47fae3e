-- Sources the change adds or removes, with the figures citing each (in the head for added, in the base for removed).
WITH base AS (SELECT * FROM stg_sources WHERE side = 'base'),
head AS (SELECT * FROM stg_sources WHERE side = 'head')
SELECT
    coalesce(head.source_id, base.source_id) AS source_id,
    CASE WHEN base.row_key IS NULL THEN 'added' ELSE 'removed' END AS change,
    coalesce(head.publisher, base.publisher) AS publisher,
    coalesce(head.title, base.title) AS title,
    coalesce(head.url, base.url) AS url,
    coalesce(head.published, base.published) AS published,
    coalesce(head.figures, base.figures) AS figures
FROM base
FULL JOIN head ON base.row_key = head.row_key
WHERE base.row_key IS NULL OR head.row_key IS NULL
ORDER BY change, source_id NULLS LAST;
