-- Sources that are not one publication a reader can find again: a tag, topic, category or search page, or
-- a site's home page (a bare host, or only a language folder such as /en). Their content changes daily.
SELECT 'sources' AS res, row, 'url' AS field, url AS cell,
       CASE WHEN regexp_full_match(url, 'https?://[^/?#]+(/([a-z]{2}(-[a-z]{2})?)?/?)?') THEN 'home' ELSE 'listing' END AS page_kind
FROM sources
WHERE url IS NOT NULL AND url <> ''
  AND (regexp_full_match(url, 'https?://[^/?#]+(/([a-z]{2}(-[a-z]{2})?)?/?)?')
       OR regexp_matches(lower(url), '/(tag|tags|hashtag|chu-de|tu-khoa|topic|topics|category|categories|chuyen-muc|danh-muc|search|tim-kiem)([/.?#-]|$)')
       OR regexp_matches(lower(url), '(-ptag\.html|\.tag)([?#]|$)')
       OR regexp_matches(lower(url), '[?&](q|s|keyword|query|tu-khoa)='))
ORDER BY row;
