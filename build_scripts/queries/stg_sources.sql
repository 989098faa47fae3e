-- sources: one publication a row; names and types fixed here.
CREATE OR REPLACE TABLE stg_sources AS
SELECT
    source_id,
    title,
    publisher,
    url,
    published,
    language,
    kind,
    retrieved,
    original_url
FROM read_csv($path, all_varchar = true, header = true, quote = '"', escape = '"')
ORDER BY source_id;
