-- The units one unit became part of (2025 reform), with the effective date.
SELECT to_unit_id AS unit_id, effective_date
FROM stg_unit_crosswalk
WHERE from_unit_id = $key
ORDER BY to_unit_id;
