-- The comparable series of every post-2025 province for every additive level indicator:
--   * the province's own published figures (derived = false), one a period and status, chosen by the
--     rule of the figure shown (sql/figure_choice.sql: producer, then date, then source_id);
--   * before it existed, the sum of the former units that made it up in the period's era
--     (reform_partitions: its pre-2025 parts, and before 1997 or 2004 the provinces those were split
--     from), derived = true, only where every part of the era has a figure of that status for that period;
--     never a partial sum. Where that era's parts lack a figure, a later era's parts may stand in with the
--     figures their publisher back-cast onto their boundary (backcast = true). The oldest era that is
--     complete wins. A province whose boundary did not change gets its single part's figures, marked
--     derived with that one part.
-- Where the province itself has a published figure for a period and status, that figure stands and no
-- sum is derived for it. Sums are exact (DECIMAL) before they become DOUBLE. generation (the era whose parts were
-- summed) is for the parts table; the published resource leaves it out.
CREATE OR REPLACE TABLE observations_comparable AS
WITH parts_expected AS (
    SELECT unit_id AS to_unit_id, generation, count(*) AS part_count
    FROM reform_partitions
    GROUP BY unit_id, generation
),
sums AS (
    SELECT
        p.to_unit_id AS unit_id,
        p.generation,
        p.indicator_id,
        p.period,
        p.status,
        bool_or(p.backcast) AS backcast,
        CAST(sum(CAST(p.value AS DECIMAL(38, 10))) AS DOUBLE) AS value,
        -- a sum is as bounded as its parts: an "about" part, or bounds on both sides, make it about;
        -- otherwise an "at least" part makes it at least, an "at most" part at most, a "nearly" part nearly
        CASE
            WHEN bool_or(p.qualifier = 'about')
              OR (bool_or(p.qualifier = 'at_least') AND bool_or(p.qualifier IN ('at_most', 'nearly'))) THEN 'about'
            WHEN bool_or(p.qualifier = 'at_least') THEN 'at_least'
            WHEN bool_or(p.qualifier = 'at_most') THEN 'at_most'
            WHEN bool_or(p.qualifier = 'nearly') THEN 'nearly'
        END AS qualifier,
        count(*) AS part_count,
        string_agg(
            p.part_unit_id || '=' || regexp_replace(
                regexp_replace(CAST(CAST(p.value AS DECIMAL(38, 10)) AS VARCHAR), '0+$', ''), '\.$', ''
            ) || '@' || p.source_id,
            '; ' ORDER BY p.part_unit_id
        ) AS parts,
        string_agg(DISTINCT p.source_id, '; ' ORDER BY p.source_id) AS source_ids
    FROM reform_part_figures AS p
    GROUP BY p.to_unit_id, p.generation, p.indicator_id, p.period, p.status
),
complete AS (
    SELECT
        d.*,
        row_number() OVER (PARTITION BY d.unit_id, d.indicator_id, d.period, d.status ORDER BY d.generation DESC) AS pick
    FROM sums AS d
    JOIN parts_expected AS e ON e.to_unit_id = d.unit_id AND e.generation = d.generation AND e.part_count = d.part_count
),
published AS (
    SELECT
        o.unit_id,
        o.indicator_id,
        o.period,
        o.status,
        o.value,
        o.qualifier,
        o.source_id,
        o.backcast,
        row_number() OVER (
            PARTITION BY o.unit_id, o.indicator_id, o.period, o.status
            ORDER BY producer_rank(o.producer, s.kind), s.published DESC NULLS LAST, o.source_id
        ) AS pick
    FROM stg_observations AS o
    JOIN stg_units AS u ON u.unit_id = o.unit_id AND u.boundary = 'post-2025'
    JOIN stg_sources AS s ON s.source_id = o.source_id
    JOIN reform_additive_indicators AS i ON i.indicator_id = o.indicator_id
),
shown AS (
    SELECT unit_id, indicator_id, period, status, value, qualifier, source_id, backcast FROM published WHERE pick = 1
)
SELECT unit_id, indicator_id, period, status, value, qualifier, false AS derived, backcast, CAST(NULL AS VARCHAR) AS parts,
       source_id AS source_ids, CAST(NULL AS INTEGER) AS generation
FROM shown
UNION ALL
SELECT d.unit_id, d.indicator_id, d.period, d.status, d.value, d.qualifier, true AS derived, d.backcast, d.parts, d.source_ids,
       d.generation
FROM complete AS d
WHERE d.pick = 1 AND NOT EXISTS (
    SELECT 1 FROM shown AS s
    WHERE s.unit_id = d.unit_id AND s.indicator_id = d.indicator_id AND s.period = d.period AND s.status = d.status
)
ORDER BY unit_id, indicator_id, period, status;
