-- The indicators that have at least one figure, in report order: theme (the order of $themes), then display_order.
SELECT i.*, list_position($themes, i.theme) AS theme_order
FROM stg_indicators AS i
WHERE EXISTS (SELECT 1 FROM stg_observations AS o WHERE o.indicator_id = i.indicator_id)
ORDER BY theme_order, i.display_order, i.indicator_id;
