-- indicators: the catalogue; booleans and integers typed here.
CREATE OR REPLACE TABLE stg_indicators AS
SELECT
    indicator_id,
    theme,
    CAST(display_order AS INTEGER) AS display_order,
    CAST(headline AS BOOLEAN) AS headline,
    name_vi,
    name_en,
    description_vi,
    description_en,
    caveats_vi,
    caveats_en,
    unit,
    measure,
    price_basis,
    CAST(additive AS BOOLEAN) AS additive,
    CAST(higher_is_better AS BOOLEAN) AS higher_is_better,
    CAST(decimals AS INTEGER) AS decimals
FROM read_csv($path, all_varchar = true, header = true, quote = '"', escape = '"')
ORDER BY indicator_id;
