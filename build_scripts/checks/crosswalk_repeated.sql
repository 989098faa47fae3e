-- A unit that moved whole on a date cannot also move (whole or in part) elsewhere on that date.
SELECT 'unit_crosswalk' AS res, b.row, 'from_unit_id' AS field, b.from_unit_id AS cell,
       CASE WHEN a.transfer = 'whole' THEN a.row ELSE b.row END AS whole_row, a.row AS other_row,
       b.effective_date AS effective_date
FROM unit_crosswalk AS a JOIN unit_crosswalk AS b
  ON a.from_unit_id = b.from_unit_id AND a.effective_date = b.effective_date AND a.row < b.row
WHERE a.transfer = 'whole' OR b.transfer = 'whole'
ORDER BY b.row;
