-- Every row of observations_comparable, in the resource's field order and sorted by its key.
SELECT unit_id, indicator_id, period, status, value, qualifier, derived, backcast, parts, source_ids
FROM observations_comparable
ORDER BY unit_id, indicator_id, period, status;
