-- The one rule for the figure shown when several rows give the same unit, indicator, period and status
-- (and which status wins among outcomes). Every page, download and derived series orders by these macros:
--   1. status: actual, then preliminary, then estimate (a target, status plan, is ranked apart);
--   2. producer: the statistics office, then other government bodies, then everyone else. The producer is
--      the observation's own `producer` where the publication quotes another body, else the source's kind;
--   3. the most recently published source (an unknown date counts as oldest);
--   4. the smaller source_id.
-- The methodology page (docs/methodology.md, .en.md) states the same rule in words.
CREATE OR REPLACE MACRO status_rank(status) AS
    CASE status WHEN 'actual' THEN 1 WHEN 'preliminary' THEN 2 WHEN 'estimate' THEN 3 ELSE 4 END;

CREATE OR REPLACE MACRO producer_kind(producer, source_kind) AS coalesce(nullif(producer, ''), source_kind);

CREATE OR REPLACE MACRO producer_rank(producer, source_kind) AS
    CASE producer_kind(producer, source_kind) WHEN 'statistics_office' THEN 1 WHEN 'government' THEN 2 ELSE 3 END;
