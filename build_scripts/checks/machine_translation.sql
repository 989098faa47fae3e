-- A source that is a machine translation of a page whose original is known (original_url set): the
-- original is what the publisher wrote, so it is the one to cite. Sites that translate their pages by
-- machine are listed in catalog.toml (machine_translation_hosts).
SELECT 'sources' AS res, row, 'url' AS field, url AS cell, original_url
FROM sources
WHERE original_url IS NOT NULL AND original_url <> '' AND original_url <> url
  AND regexp_matches(lower(url), $machine_translation_hosts)
ORDER BY row;
