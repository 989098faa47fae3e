-- The raw table into records: row = rowid + 1 (header = 1), missing cells as ''.
INSERT INTO records
SELECT ?, CAST(rid + 1 AS INTEGER), list_value(*COLUMNS(* EXCLUDE rid))
FROM (SELECT rowid AS rid, coalesce(COLUMNS(*), '') FROM raw);
