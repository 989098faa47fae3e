-- Records parsed by Python (written to a temporary canonical CSV with their row number first) into records.
INSERT INTO records
SELECT $res, row, list_value(*COLUMNS(* EXCLUDE row))
FROM (SELECT row, coalesce(COLUMNS(* EXCLUDE row), '') FROM read_csv($path, columns = $columns, header = false,
      delim = ',', quote = '"', escape = '"', auto_detect = false, strict_mode = true, null_padding = false,
      compression = 'none', hive_partitioning = false, max_line_size = 33554432));
