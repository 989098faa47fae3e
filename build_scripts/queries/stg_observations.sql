-- observations: one published figure a row; the value as DOUBLE in the indicator's canonical unit; backcast
-- true for a publisher's figure for a unit that did not yet exist in the period; qualifier and producer
-- NULL when empty (an exact figure; the source's kind names the producer).
CREATE OR REPLACE TABLE stg_observations AS
SELECT
    unit_id,
    indicator_id,
    period,
    status,
    source_id,
    CAST(value AS DOUBLE) AS value,
    nullif(qualifier, '') AS qualifier,
    note,
    note_vi,
    coalesce(backcast = 'true', false) AS backcast,
    nullif(producer, '') AS producer
FROM read_csv($path, all_varchar = true, header = true, quote = '"', escape = '"')
ORDER BY unit_id, indicator_id, period, status, source_id;
