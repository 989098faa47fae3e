-- What the data page's pandas and R snippets print: the five indicators with the most shown figures for
-- one unit (ties in indicator_id order).
SELECT indicator_id, count(*) AS figures
FROM research_long
WHERE unit_id = $unit_id AND shown
GROUP BY indicator_id
ORDER BY figures DESC, indicator_id
LIMIT 5;
