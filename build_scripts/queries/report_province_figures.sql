-- For one period, the shown outcomes of every province and municipality of one boundary, ranked within
-- each indicator: higher first unless higher_is_better is false; ties share a rank. focus marks the
-- units in $focus_ids. The report compares provinces where an indicator has two or more of them.
SELECT
    o.indicator_id, o.unit_id, u.name_vi, u.name_en, o.value,
    rank() OVER (
        PARTITION BY o.indicator_id
        ORDER BY CASE WHEN coalesce(i.higher_is_better, true) THEN -o.value ELSE o.value END
    ) AS rank,
    list_contains($focus_ids, o.unit_id) AS focus
FROM int_observations AS o
JOIN stg_units AS u USING (unit_id)
JOIN stg_indicators AS i USING (indicator_id)
WHERE o.period = $period AND o.shown AND NOT o.is_target
  AND u.boundary = $boundary AND u.unit_type IN ('province', 'municipality')
ORDER BY o.indicator_id, rank, u.name_vi, o.unit_id;
