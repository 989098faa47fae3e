-- Units that have at least one figure, with their figure count: country, regions, then provinces
-- (post-2025 before pre-2025), by name.
SELECT u.*, f.figures
FROM stg_units AS u
JOIN (SELECT unit_id, count(*) AS figures FROM stg_observations GROUP BY unit_id) AS f USING (unit_id)
ORDER BY CASE u.unit_type WHEN 'country' THEN 0 WHEN 'region' THEN 1 ELSE 2 END,
         u.boundary DESC NULLS FIRST, u.name_vi, u.unit_id;
