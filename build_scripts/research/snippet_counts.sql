-- What the data page's pandas snippet prints: shown figures per indicator for one unit.
SELECT indicator_id, count(*) AS figures
FROM research_long
WHERE unit_id = $unit_id AND shown
GROUP BY indicator_id
ORDER BY indicator_id;
