-- The number of figures of each indicator.
SELECT indicator_id, count(*) AS figures
FROM stg_observations
GROUP BY indicator_id
ORDER BY indicator_id;
