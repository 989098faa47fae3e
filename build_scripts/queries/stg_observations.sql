-- observations: one published figure a row; the value as DOUBLE in the indicator's canonical unit; backcast
-- true for a publisher's figure for a unit that did not yet exist in the period.
CREATE OR REPLACE TABLE stg_observations AS
SELECT
    unit_id,
    indicator_id,
    period,
    status,
    source_id,
    CAST(value AS DOUBLE) AS value,
    note,
    coalesce(backcast = 'true', false) AS backcast
FROM read_csv($path, all_varchar = true, header = true, quote = '"', escape = '"')
ORDER BY unit_id, indicator_id, period, status, source_id;
