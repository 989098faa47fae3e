-- All provinces ranked on one indicator for every rankable period: a period with figures for at least two
-- provinces of one boundary (pre-2025 and post-2025 provinces are never ranked together; where a period has
-- figures of both, the boundary with more of them, ties to the older map, whose provinces existed then). The
-- latest rankable period is the one with the latest end (the page's default and its table). Rank within a
-- period: higher first unless higher_is_better is false; ties share a rank. focus marks the units in
-- $focus_ids. Each figure comes with its status, note and source. Latest period first (latest is true for
-- its rows), then by end date.
WITH outcomes AS (
    SELECT o.*, u.name_vi, u.name_en, u.boundary
    FROM int_observations AS o
    JOIN stg_units AS u USING (unit_id)
    WHERE o.indicator_id = $indicator_id AND o.shown AND NOT o.is_target
      AND u.unit_type IN ('province', 'municipality')
),
rankable AS (
    SELECT period, boundary, end_date, start_date, count(*) AS units,
           row_number() OVER (PARTITION BY period ORDER BY count(*) DESC, boundary DESC NULLS LAST) AS pick
    FROM outcomes
    WHERE boundary IS NOT NULL
    GROUP BY period, boundary, end_date, start_date
    HAVING count(*) >= 2
),
latest AS (
    SELECT period
    FROM rankable
    WHERE pick = 1
    ORDER BY end_date DESC, start_date, units DESC, period
    LIMIT 1
),
chosen AS (
    SELECT r.period, r.boundary, r.end_date, r.start_date, r.period = l.period AS latest
    FROM rankable AS r
    CROSS JOIN latest AS l
    WHERE r.pick = 1
),
direction AS (
    SELECT coalesce(higher_is_better, true) AS higher FROM stg_indicators WHERE indicator_id = $indicator_id
)
SELECT
    o.unit_id, o.name_vi, o.name_en, o.value, o.period, o.boundary, c.start_date, c.end_date, c.latest,
    rank() OVER (PARTITION BY o.period ORDER BY CASE WHEN d.higher THEN -o.value ELSE o.value END) AS rank,
    list_contains($focus_ids, o.unit_id) AS focus,
    o.status, o.qualifier, o.note, o.note_vi, 'outcome' AS kind,
    s.source_id, s.title AS source_title, s.publisher AS source_publisher, s.url AS source_url
FROM outcomes AS o
JOIN chosen AS c ON c.period = o.period AND c.boundary IS NOT DISTINCT FROM o.boundary
JOIN stg_sources AS s ON s.source_id = o.source_id
CROSS JOIN direction AS d
ORDER BY c.latest DESC, c.end_date DESC, c.start_date, o.period, rank, o.name_vi, o.unit_id;
