-- The figure of each pre-2025 province that may stand as a part of its successor's comparable series:
-- additive level indicators only, periods that end before the reform took effect, and, per unit,
-- indicator, period and status, the figure of the most recently published source (an unknown date
-- counts as oldest; ties: the smaller source_id), the rule the site uses for the figure it shows.
CREATE OR REPLACE TABLE reform_part_figures AS
WITH candidates AS (
    SELECT
        c.to_unit_id,
        o.unit_id AS part_unit_id,
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
    JOIN stg_unit_crosswalk AS c ON c.from_unit_id = o.unit_id
    JOIN stg_units AS successor ON successor.unit_id = c.to_unit_id AND successor.boundary = 'post-2025'
    JOIN stg_sources AS s ON s.source_id = o.source_id
    JOIN reform_additive_indicators AS i ON i.indicator_id = o.indicator_id
    WHERE period_end(o.period) < c.effective_date
)
SELECT to_unit_id, part_unit_id, indicator_id, period, status, value, source_id
FROM candidates
WHERE pick = 1
ORDER BY to_unit_id, indicator_id, period, status, part_unit_id;
