-- The indicators that have figures, with their catalogue entry and what their slice holds.
SELECT
    i.*,
    count(*) AS figures,
    count(DISTINCT l.unit_id) AS units,
    min(l.period_start) AS first_start,
    max(l.period_end) AS last_end
FROM stg_indicators AS i
JOIN research_long AS l USING (indicator_id)
GROUP BY ALL
ORDER BY i.indicator_id;
