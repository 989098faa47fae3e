-- unit_crosswalk: every boundary change since 1995: the unit a territory left, the unit it went to, the day,
-- whether the whole unit moved or only a part, and what part.
CREATE OR REPLACE TABLE stg_unit_crosswalk AS
SELECT
    from_unit_id,
    to_unit_id,
    CAST(effective_date AS DATE) AS effective_date,
    transfer,
    part,
    source_id
FROM read_csv($path, all_varchar = true, header = true, quote = '"', escape = '"')
ORDER BY from_unit_id, to_unit_id, effective_date;
