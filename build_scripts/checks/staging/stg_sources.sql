CREATE OR REPLACE TEMP TABLE sources AS
SELECT r.row,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'sources' AND name = 'source_id')] AS source_id,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'sources' AND name = 'url')] AS url,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'sources' AND name = 'published')] AS published,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'sources' AND name = 'title')] AS title,
    r.cells[(SELECT pos + 1 FROM fields WHERE res = 'sources' AND name = 'original_url')] AS original_url
FROM records AS r
WHERE r.res = 'sources' AND r.row > 1 AND r.row NOT IN (SELECT row FROM blank_rows WHERE res = 'sources');
