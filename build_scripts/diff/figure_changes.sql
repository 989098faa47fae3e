-- Every figure the change adds, removes or edits (value or note), with its indicator's name and unit.
-- A value rewritten without changing the number (1.50 for 1.5) is not a change of figure.
CREATE OR REPLACE VIEW figure_changes AS
WITH base AS (SELECT * FROM stg_observations WHERE side = 'base'),
head AS (SELECT * FROM stg_observations WHERE side = 'head'),
joined AS (
    SELECT
        coalesce(head.indicator_id, base.indicator_id) AS indicator_id,
        coalesce(head.unit_id, base.unit_id) AS unit_id,
        coalesce(head.period, base.period) AS period,
        coalesce(head.status, base.status) AS status,
        coalesce(head.source_id, base.source_id) AS source_id,
        base.row_key IS NULL AS is_added,
        head.row_key IS NULL AS is_removed,
        CASE
            WHEN base.value IS NOT NULL AND head.value IS NOT NULL THEN base.value <> head.value
            ELSE base.value_text IS DISTINCT FROM head.value_text
        END AS value_differs,
        base.note IS DISTINCT FROM head.note AS note_differs,
        base.value_text AS old_value,
        head.value_text AS new_value,
        CASE WHEN base.value <> 0 THEN (head.value - base.value) / abs(base.value) * 100 END AS relative_change_pct,
        base.note AS old_note,
        head.note AS new_note
    FROM base
    FULL JOIN head ON base.row_key = head.row_key
)
SELECT
    joined.indicator_id,
    stg_indicators.name_en AS indicator_name,
    stg_indicators.unit AS indicator_unit,
    joined.unit_id,
    joined.period,
    joined.status,
    joined.source_id,
    CASE
        WHEN is_added THEN 'added'
        WHEN is_removed THEN 'removed'
        WHEN value_differs THEN 'changed'
        ELSE 'note'
    END AS change,
    old_value,
    new_value,
    CASE WHEN NOT is_added AND NOT is_removed AND value_differs THEN relative_change_pct END AS relative_change_pct,
    old_note,
    new_note
FROM joined
LEFT JOIN stg_indicators USING (indicator_id)
WHERE is_added OR is_removed OR value_differs OR note_differs;
