-- Derived figures (sums of pre-2025 parts) the change adds, removes or changes, with the parts on each side.
WITH base AS (SELECT * FROM derived WHERE side = 'base'),
head AS (SELECT * FROM derived WHERE side = 'head'),
changes AS (
    SELECT
        coalesce(head.indicator_id, base.indicator_id) AS indicator_id,
        coalesce(head.unit_id, base.unit_id) AS unit_id,
        coalesce(head.period, base.period) AS period,
        coalesce(head.status, base.status) AS status,
        CASE WHEN base.unit_id IS NULL THEN 'added' WHEN head.unit_id IS NULL THEN 'removed' ELSE 'changed' END AS change,
        base.value AS old_value,
        head.value AS new_value,
        CASE WHEN base.value <> 0 AND head.value IS NOT NULL THEN (head.value - base.value) / abs(base.value) * 100 END AS relative_change_pct,
        base.parts AS old_parts,
        head.parts AS new_parts
    FROM base
    FULL JOIN head
        ON base.unit_id = head.unit_id AND base.indicator_id = head.indicator_id
        AND base.period = head.period AND base.status = head.status
    WHERE base.unit_id IS NULL OR head.unit_id IS NULL OR base.value IS DISTINCT FROM head.value
)
SELECT * FROM changes
ORDER BY indicator_id, unit_id, period_start(period) NULLS LAST, period, status;
