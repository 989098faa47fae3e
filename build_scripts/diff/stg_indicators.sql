-- Each indicator's English name and canonical unit, from the head package where it has the indicator, else the base.
CREATE OR REPLACE VIEW stg_indicators AS
SELECT indicator_id, name_en, unit
FROM (
    SELECT
        side,
        max(value) FILTER (WHERE field = 'indicator_id') AS indicator_id,
        max(value) FILTER (WHERE field = 'name_en') AS name_en,
        max(value) FILTER (WHERE field = 'unit') AS unit
    FROM stg_rows
    WHERE resource = 'indicators'
    GROUP BY side, row_key
)
QUALIFY row_number() OVER (PARTITION BY indicator_id ORDER BY side = 'head' DESC) = 1;
