-- The figure of each former unit that may stand as a part of a post-2025 province's comparable series, by
-- era of the chain of boundary changes (reform_partitions): additive level indicators only, periods that end
-- before the era ends, and, for a period before the part's boundary took its era's shape (same_from), only a
-- figure the publisher back-cast onto that boundary. Per part, indicator, period and status, the figure the site
-- shows (sql/figure_choice.sql: the producer's rank, then the most recently published source, then the
-- smaller source_id).
CREATE OR REPLACE TABLE reform_part_figures AS
WITH candidates AS (
    SELECT
        g.unit_id AS to_unit_id,
        g.generation,
        o.unit_id AS part_unit_id,
        o.indicator_id,
        o.period,
        o.status,
        o.value,
        o.qualifier,
        o.source_id,
        o.backcast,
        row_number() OVER (
            PARTITION BY g.unit_id, g.generation, o.unit_id, o.indicator_id, o.period, o.status
            ORDER BY producer_rank(o.producer, s.kind), s.published DESC NULLS LAST, o.source_id
        ) AS pick
    FROM reform_partitions AS g
    JOIN stg_observations AS o ON o.unit_id = g.part_unit_id
    JOIN stg_sources AS s ON s.source_id = o.source_id
    JOIN reform_additive_indicators AS i ON i.indicator_id = o.indicator_id
    WHERE period_end(o.period) < g.era_end
      AND (g.same_from IS NULL OR period_end(o.period) >= g.same_from OR o.backcast)
)
SELECT to_unit_id, generation, part_unit_id, indicator_id, period, status, value, qualifier, source_id, backcast
FROM candidates
WHERE pick = 1
ORDER BY to_unit_id, indicator_id, period, status, generation, part_unit_id;
