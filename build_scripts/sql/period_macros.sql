-- The one place where a period string gets its kind, its start and its end (ARCHITECTURE.md, The rules the code carries out).
-- Grammar: YYYY | YYYY-Qn | YYYY-H1 | YYYY-nM (n = 2,4,5,7..11: January to the end of month n) | YYYY-MM.
-- Any other string has kind NULL and NULL dates: callers treat NULL as invalid.
CREATE OR REPLACE MACRO period_kind(p) AS CASE
    WHEN regexp_full_match(p, '[0-9]{4}') THEN 'year'
    WHEN regexp_full_match(p, '[0-9]{4}-Q[1-4]') THEN 'quarter'
    WHEN regexp_full_match(p, '[0-9]{4}-H1') THEN 'half'
    WHEN regexp_full_match(p, '[0-9]{4}-([245789]|1[01])M') THEN 'months_to_date'
    WHEN regexp_full_match(p, '[0-9]{4}-(0[1-9]|1[0-2])') THEN 'month'
END;

CREATE OR REPLACE MACRO period_year(p) AS CASE WHEN period_kind(p) IS NOT NULL THEN TRY_CAST(substr(p, 1, 4) AS INTEGER) END;

CREATE OR REPLACE MACRO period_first_month(p) AS CASE period_kind(p)
    WHEN 'quarter' THEN 3 * TRY_CAST(substr(p, 7, 1) AS INTEGER) - 2
    WHEN 'month' THEN TRY_CAST(substr(p, 6, 2) AS INTEGER)
    WHEN 'year' THEN 1 WHEN 'half' THEN 1 WHEN 'months_to_date' THEN 1
END;

CREATE OR REPLACE MACRO period_last_month(p) AS CASE period_kind(p)
    WHEN 'year' THEN 12
    WHEN 'quarter' THEN 3 * TRY_CAST(substr(p, 7, 1) AS INTEGER)
    WHEN 'half' THEN 6
    WHEN 'months_to_date' THEN TRY_CAST(regexp_extract(p, '-([0-9]+)M', 1) AS INTEGER)
    WHEN 'month' THEN TRY_CAST(substr(p, 6, 2) AS INTEGER)
END;

CREATE OR REPLACE MACRO period_start(p) AS make_date(period_year(p), period_first_month(p), 1);
CREATE OR REPLACE MACRO period_end(p) AS last_day(make_date(period_year(p), period_last_month(p), 1));

-- The same span one year earlier: 2025-9M -> 2024-9M, 2025-Q3 -> 2024-Q3, 2025 -> 2024.
CREATE OR REPLACE MACRO period_year_before(p) AS CASE WHEN period_kind(p) IS NOT NULL
    THEN CAST(period_year(p) - 1 AS VARCHAR) || substr(p, 5) END;

-- The canonical spelling of a span that has a shorter name, else NULL: 2025-3M -> 2025-Q1, 2025-6M -> 2025-H1,
-- 2025-12M -> 2025, 2025-1M -> 2025-01, 2025-01..10 (the seed's spelling) -> 2025-10M.
CREATE OR REPLACE MACRO period_canonical_hint(p) AS CASE
    WHEN regexp_full_match(p, '[0-9]{4}-0?3M') THEN substr(p, 1, 4) || '-Q1'
    WHEN regexp_full_match(p, '[0-9]{4}-0?6M') THEN substr(p, 1, 4) || '-H1'
    WHEN regexp_full_match(p, '[0-9]{4}-12M') THEN substr(p, 1, 4)
    WHEN regexp_full_match(p, '[0-9]{4}-0?1M') THEN substr(p, 1, 4) || '-01'
    WHEN regexp_full_match(p, '[0-9]{4}-01\.\.(0[1-9]|1[0-2])') THEN CASE TRY_CAST(substr(p, 10, 2) AS INTEGER)
        WHEN 1 THEN substr(p, 1, 4) || '-01' WHEN 3 THEN substr(p, 1, 4) || '-Q1'
        WHEN 6 THEN substr(p, 1, 4) || '-H1' WHEN 12 THEN substr(p, 1, 4)
        ELSE substr(p, 1, 4) || '-' || CAST(TRY_CAST(substr(p, 10, 2) AS INTEGER) AS VARCHAR) || 'M' END
    WHEN regexp_full_match(p, '[0-9]{4}-0[245789]M') THEN substr(p, 1, 4) || '-' || substr(p, 7, 1) || 'M'
END;
