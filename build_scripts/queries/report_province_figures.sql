-- For one period, the shown outcomes of every province and municipality of one boundary, ranked within
-- each indicator: higher first unless higher_is_better is false; ties share a rank (int_province_ranks.sql).
-- focus marks the units in $focus_ids. The report compares provinces where an indicator has two or more of them.
SELECT
    indicator_id, unit_id, name_vi, name_en, value, rank,
    list_contains($focus_ids, unit_id) AS focus
FROM int_province_ranks
WHERE period = $period AND boundary = $boundary
ORDER BY indicator_id, rank, name_vi, unit_id;
