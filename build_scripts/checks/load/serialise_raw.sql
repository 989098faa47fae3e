-- The raw table written back as canonical CSV text (minimal quoting, LF): equal to the file when the parse is exact.
SELECT string_agg(concat_ws(',', *COLUMNS(* EXCLUDE rid)), chr(10) ORDER BY rid) || chr(10)
FROM (SELECT rowid AS rid, CASE WHEN COLUMNS(*) IS NULL THEN ''
      WHEN regexp_matches(COLUMNS(*), '[,"\r\n]') THEN '"' || replace(COLUMNS(*), '"', '""') || '"'
      ELSE COLUMNS(*) END FROM raw);
