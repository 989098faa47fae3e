-- How many figures the change adds, edits and removes in each indicator, and in how many units.
SELECT
    indicator_id,
    any_value(indicator_name) AS indicator_name,
    any_value(indicator_unit) AS indicator_unit,
    count(*) FILTER (WHERE change = 'added') AS added,
    count(*) FILTER (WHERE change = 'changed') AS changed,
    count(*) FILTER (WHERE change = 'removed') AS removed,
    count(*) FILTER (WHERE change = 'note') AS notes,
    count(DISTINCT unit_id) AS units
FROM figure_changes
GROUP BY indicator_id
ORDER BY indicator_id NULLS LAST;
