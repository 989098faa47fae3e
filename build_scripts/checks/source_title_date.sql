-- A source without its page's headline or without a publication date: a reader cannot tell what to look for.
SELECT 'sources' AS res, row, CASE WHEN title IS NULL OR trim(title) = '' THEN 'title' ELSE 'published' END AS field,
       source_id AS cell
FROM sources
WHERE title IS NULL OR trim(title) = '' OR published IS NULL OR trim(published) = ''
ORDER BY row;
