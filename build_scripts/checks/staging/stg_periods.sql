-- Each distinct period of the observations with its kind and end date (the macros run once a period, not a row).
CREATE OR REPLACE TEMP TABLE periods AS
SELECT period, period_kind(period) AS kind, period_end(period) AS period_end
FROM (SELECT DISTINCT period FROM observations WHERE period IS NOT NULL) AS d;
