-- The same period a year before a period (period macros), e.g. 2024-9M for 2025-9M.
SELECT period_year_before($period) AS period;
