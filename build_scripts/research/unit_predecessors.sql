-- The units merged into one unit (2025 reform), with the effective date.
SELECT from_unit_id AS unit_id, effective_date
FROM stg_unit_crosswalk
WHERE to_unit_id = $key
ORDER BY from_unit_id;
