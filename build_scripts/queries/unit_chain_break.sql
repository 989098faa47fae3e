-- Where a post-2025 province's chain of former units stops (reform/partitions.py): the start of its oldest
-- era, a change that moved only part of a unit; no row when the chain runs back to the first figures.
SELECT min(era_start) AS break_date
FROM reform_partitions
WHERE unit_id = $unit_id
  AND generation = (SELECT max(generation) FROM reform_partitions WHERE unit_id = $unit_id)
HAVING min(era_start) IS NOT NULL;
