-- Names (a field called name_*, title, publisher or seat) with a character no reader sees but that changes
-- the text: a control character (the charts' renderer fails on them) or a bidirectional or zero-width one
-- (the name reads differently from what it is). Other text may hold them: it is escaped wherever shown.
SELECT res, row, pos, value,
    CASE WHEN regexp_matches(value, '[\x00-\x1f\x7f-\x9f]') THEN 'cell-control' ELSE 'name-invisible' END AS kind,
    regexp_extract(value, '[\x00-\x1f\x7f-\x9f\x{061c}\x{200b}-\x{200f}\x{202a}-\x{202e}\x{2060}-\x{2064}\x{2066}-\x{2069}\x{feff}]') AS found
FROM (
    SELECT r.res, r.row, f.pos, r.cells[f.pos + 1] AS value
    FROM records AS r JOIN fields AS f ON f.res = r.res
    WHERE r.row > 1 AND (f.name LIKE 'name%' OR f.name IN ('title', 'publisher', 'seat'))
) AS names
WHERE regexp_matches(value, '[\x00-\x1f\x7f-\x9f\x{061c}\x{200b}-\x{200f}\x{202a}-\x{202e}\x{2060}-\x{2064}\x{2066}-\x{2069}\x{feff}]')
ORDER BY res, row, pos;
