-- The focus unit and its same-named predecessors (old Bắc Ninh for the merged Bắc Ninh): newest first.
-- They are different units; pages show them side by side, never merged.
SELECT u.*
FROM stg_units AS u
WHERE u.unit_id = $focus
   OR u.unit_id IN (
        SELECT c.from_unit_id
        FROM stg_unit_crosswalk AS c
        JOIN stg_units AS f ON f.unit_id = c.to_unit_id
        JOIN stg_units AS p ON p.unit_id = c.from_unit_id
        WHERE c.to_unit_id = $focus AND p.name_vi = f.name_vi
   )
ORDER BY u.valid_from DESC NULLS LAST, u.unit_id;
