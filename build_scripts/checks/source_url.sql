-- Source addresses a reader cannot safely open: only http(s) with a host name, no spaces, quotes or angle brackets.
SELECT 'sources' AS res, row, 'url' AS field, url AS cell
FROM sources
WHERE url IS NOT NULL AND url <> ''
  AND NOT regexp_full_match(url, 'https?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?[.]?(:[0-9]{1,5})?([/?#][^\s"<>\\^`{|}\x00-\x1f\x7f]*)?')
ORDER BY row;
