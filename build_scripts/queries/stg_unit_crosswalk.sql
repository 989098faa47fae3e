-- unit_crosswalk: a pre-2025 province and the post-2025 province it became part of.
CREATE OR REPLACE TABLE stg_unit_crosswalk AS
SELECT
    from_unit_id,
    to_unit_id,
    CAST(effective_date AS DATE) AS effective_date,
    source_id
FROM read_csv($path, all_varchar = true, header = true, quote = '"', escape = '"')
ORDER BY from_unit_id, to_unit_id;
