-- Every observation with its period interpreted (period macros) and whether it is the figure shown.
-- Outcomes and targets (status plan) are ranked apart: a target is never the shown outcome.
-- Among outcomes of one unit, indicator and period the rule of sql/figure_choice.sql picks the one shown:
-- the most final status (actual, preliminary, estimate), then the producer (statistics office, other
-- government bodies, the rest), then the most recently published source (an unknown date counts as
-- oldest), then the smaller source_id. The other rows stay, marked shown = false, to be listed as others.
-- Stored by indicator, then unit and period: a page query of one indicator reads only its blocks.
CREATE OR REPLACE TABLE int_observations AS
WITH typed AS (
    SELECT
        o.*,
        period_kind(o.period) AS period_kind,
        period_start(o.period) AS start_date,
        period_end(o.period) AS end_date,
        period_year_before(o.period) AS period_year_before,
        substr(o.period, 5) AS period_span,
        o.status = 'plan' AS is_target,
        status_rank(o.status) AS status_rank,
        producer_rank(o.producer, s.kind) AS producer_rank,
        producer_kind(o.producer, s.kind) AS producer_kind,
        s.published AS source_published
    FROM stg_observations AS o
    JOIN stg_sources AS s USING (source_id)
)
SELECT
    *,
    row_number() OVER (
        PARTITION BY unit_id, indicator_id, period, is_target
        ORDER BY status_rank, producer_rank, source_published DESC NULLS LAST, source_id
    ) = 1 AS shown,
    count(*) OVER (PARTITION BY unit_id, indicator_id, period, is_target) AS figures_in_group
FROM typed
ORDER BY indicator_id, unit_id, period, status, source_id;
