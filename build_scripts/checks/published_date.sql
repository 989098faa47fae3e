-- Publication dates (YYYY, YYYY-MM or YYYY-MM-DD) that are not real dates (2025-02-30, 2025-13).
SELECT 'sources' AS res, row, 'published' AS field, published AS cell
FROM sources
WHERE published IS NOT NULL AND published <> '' AND regexp_full_match(published, '[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?')
  AND TRY_CAST(CASE length(published) WHEN 4 THEN published || '-01-01' WHEN 7 THEN published || '-01' ELSE published END AS DATE) IS NULL
ORDER BY row;
