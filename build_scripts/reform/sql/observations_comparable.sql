-- The comparable series of every post-2025 province for every additive level indicator:
--   * the province's own published figures (derived = false), one a period and status, chosen by the
--     most recently published source (ties: the smaller source_id);
--   * before the reform, the sum of its pre-2025 parts (derived = true), only where every part named in
--     the crosswalk has a figure of that status for that period; never a partial sum. A province whose
--     boundary did not change gets its single part's figures, marked derived with that one part.
-- Where the province itself has a published figure for a period and status, that figure stands and no
-- sum is derived for it. Sums are exact (DECIMAL) before they become DOUBLE.
CREATE OR REPLACE TABLE observations_comparable AS
WITH parts_expected AS (
    SELECT to_unit_id, count(*) AS part_count
    FROM stg_unit_crosswalk
    GROUP BY to_unit_id
),
sums AS (
    SELECT
        p.to_unit_id AS unit_id,
        p.indicator_id,
        p.period,
        p.status,
        CAST(sum(CAST(p.value AS DECIMAL(38, 10))) AS DOUBLE) AS value,
        count(*) AS part_count,
        string_agg(
            p.part_unit_id || '=' || regexp_replace(
                regexp_replace(CAST(CAST(p.value AS DECIMAL(38, 10)) AS VARCHAR), '0+$', ''), '\.$', ''
            ) || '@' || p.source_id,
            '; ' ORDER BY p.part_unit_id
        ) AS parts,
        string_agg(DISTINCT p.source_id, '; ' ORDER BY p.source_id) AS source_ids
    FROM reform_part_figures AS p
    GROUP BY p.to_unit_id, p.indicator_id, p.period, p.status
),
published AS (
    SELECT
        o.unit_id,
        o.indicator_id,
        o.period,
        o.status,
        o.value,
        o.source_id,
        row_number() OVER (
            PARTITION BY o.unit_id, o.indicator_id, o.period, o.status
            ORDER BY s.published DESC NULLS LAST, o.source_id
        ) AS pick
    FROM stg_observations AS o
    JOIN stg_units AS u ON u.unit_id = o.unit_id AND u.boundary = 'post-2025'
    JOIN stg_sources AS s ON s.source_id = o.source_id
    JOIN reform_additive_indicators AS i ON i.indicator_id = o.indicator_id
),
shown AS (
    SELECT unit_id, indicator_id, period, status, value, source_id FROM published WHERE pick = 1
)
SELECT unit_id, indicator_id, period, status, value, false AS derived, CAST(NULL AS VARCHAR) AS parts,
       source_id AS source_ids
FROM shown
UNION ALL
SELECT d.unit_id, d.indicator_id, d.period, d.status, d.value, true AS derived, d.parts, d.source_ids
FROM sums AS d
JOIN parts_expected AS e ON e.to_unit_id = d.unit_id AND e.part_count = d.part_count
WHERE NOT EXISTS (
    SELECT 1 FROM shown AS s
    WHERE s.unit_id = d.unit_id AND s.indicator_id = d.indicator_id AND s.period = d.period AND s.status = d.status
)
ORDER BY unit_id, indicator_id, period, status;
