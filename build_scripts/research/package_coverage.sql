-- What the whole package covers: figures, units, indicators and the span of its periods.
SELECT
    count(*) AS figures,
    count(DISTINCT unit_id) AS units,
    count(DISTINCT indicator_id) AS indicators,
    min(period_start) AS first_start,
    max(period_end) AS last_end
FROM research_long;
