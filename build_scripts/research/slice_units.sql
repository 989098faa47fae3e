-- The units that have figures, with their entry and what their slice holds.
SELECT
    u.unit_id, u.name_vi, u.name_en, u.unit_type, u.boundary, u.region_id, u.gso_code,
    u.valid_from, u.valid_to,
    count(*) AS figures,
    count(DISTINCT l.indicator_id) AS indicators,
    min(l.period_start) AS first_start,
    max(l.period_end) AS last_end
FROM stg_units AS u
JOIN research_long AS l USING (unit_id)
GROUP BY ALL
ORDER BY u.unit_id;
