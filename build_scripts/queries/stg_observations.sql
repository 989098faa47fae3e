-- observations: one published figure a row; the value as DOUBLE in the indicator's canonical unit.
CREATE OR REPLACE TABLE stg_observations AS
SELECT
    unit_id,
    indicator_id,
    period,
    status,
    source_id,
    CAST(value AS DOUBLE) AS value,
    note
FROM read_csv($path, all_varchar = true, header = true, quote = '"', escape = '"')
ORDER BY unit_id, indicator_id, period, status, source_id;
