-- A canonical-shaped CSV file, every cell as text; the header is the first row (rowid 0).
CREATE OR REPLACE TEMP TABLE raw AS
SELECT * FROM read_csv(?, columns = ?, header = false, delim = ',', quote = '"', escape = '"',
    auto_detect = false, strict_mode = true, null_padding = false, compression = 'none', hive_partitioning = false, max_line_size = 16777216);
