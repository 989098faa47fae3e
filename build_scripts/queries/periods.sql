-- Every period in the package with what a label needs: its kind, year and last month (period macros).
SELECT DISTINCT
    period,
    period_kind(period) AS kind,
    period_year(period) AS year,
    period_last_month(period) AS last_month,
    period_start(period) AS start_date,
    period_end(period) AS end_date
FROM stg_observations
ORDER BY period;
