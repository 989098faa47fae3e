-- Two sources giving the same unit, indicator, period and status more than 1 % apart: a warning on the later row,
-- against the first row of the group it disagrees with. (Groups are found by their hash first, then compared in full.)
WITH o AS (
    SELECT * FROM observations
    WHERE grp IN (SELECT grp FROM observations GROUP BY grp HAVING min(source_id) <> max(source_id))
)
SELECT 'observations' AS res, b.row, 'value' AS field, b.value AS cell, a.row AS other_row, a.value AS other_value,
       a.source_id AS other_source, round(100 * abs(a.num - b.num) / greatest(abs(a.num), abs(b.num)), 1) AS pct
FROM o AS a JOIN o AS b
  ON a.grp = b.grp AND a.unit_id = b.unit_id AND a.indicator_id = b.indicator_id AND a.period = b.period
 AND a.status = b.status AND a.row < b.row AND a.source_id <> b.source_id
WHERE isfinite(a.num) AND isfinite(b.num) AND abs(a.num - b.num) > 0.01 * greatest(abs(a.num), abs(b.num))
QUALIFY row_number() OVER (PARTITION BY b.row ORDER BY a.row) = 1
ORDER BY b.row;
