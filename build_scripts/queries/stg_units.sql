-- units: the country, regions and provinces before and after the 2025 reform.
CREATE OR REPLACE TABLE stg_units AS
SELECT
    unit_id,
    name_vi,
    name_en,
    unit_type,
    boundary,
    region_id,
    gso_code,
    seat,
    CAST(valid_from AS DATE) AS valid_from,
    CAST(valid_to AS DATE) AS valid_to,
    CAST(tile_row AS INTEGER) AS tile_row,
    CAST(tile_col AS INTEGER) AS tile_col,
    source_id,
    note
FROM read_csv($path, all_varchar = true, header = true, quote = '"', escape = '"')
ORDER BY unit_id;
