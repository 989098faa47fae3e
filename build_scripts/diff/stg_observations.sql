-- Each figure on each side, its value as written and as a number.
CREATE OR REPLACE VIEW stg_observations AS
SELECT
    side,
    row_key,
    max(value) FILTER (WHERE field = 'unit_id') AS unit_id,
    max(value) FILTER (WHERE field = 'indicator_id') AS indicator_id,
    max(value) FILTER (WHERE field = 'period') AS period,
    max(value) FILTER (WHERE field = 'status') AS status,
    max(value) FILTER (WHERE field = 'source_id') AS source_id,
    max(value) FILTER (WHERE field = 'value') AS value_text,
    TRY_CAST(max(value) FILTER (WHERE field = 'value') AS DOUBLE) AS value,
    max(value) FILTER (WHERE field = 'note') AS note
FROM stg_rows
WHERE resource = 'observations'
GROUP BY side, row_key;
