-- A pre-2025 province mapped more than once.
SELECT 'unit_crosswalk' AS res, b.row, 'from_unit_id' AS field, b.from_unit_id AS cell, a.row AS other_row
FROM unit_crosswalk AS a JOIN unit_crosswalk AS b ON a.from_unit_id = b.from_unit_id AND a.row < b.row
ORDER BY b.row;
