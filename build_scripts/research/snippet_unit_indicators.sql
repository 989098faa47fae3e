-- The indicators that have shown figures for one unit: where the data page's snippets can read from.
SELECT DISTINCT indicator_id
FROM research_long
WHERE unit_id = $unit_id AND shown
ORDER BY indicator_id;
