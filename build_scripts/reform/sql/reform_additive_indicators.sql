-- The indicators whose figures may be summed over the pre-2025 parts of a post-2025 province: marked
-- additive in the catalogue, measured as a level, and stored in a unit that adds up over places (money,
-- people, area, counts). A per-capita, per-area or per-worker level, a rate, a share, a growth rate,
-- a rank, a score or a percentage of plan is never summed, even if the catalogue marks it additive by
-- mistake (suspect_additive_indicators.sql lists those).
CREATE OR REPLACE VIEW reform_additive_indicators AS
SELECT indicator_id, unit, measure, price_basis
FROM stg_indicators
WHERE additive
  AND measure = 'level'
  AND unit NOT IN (
      'percent', 'rank', 'points', 'index', 'years', 'usd_ppp',
      'persons_per_km2', 'per_1000_population', 'children_per_woman', 'males_per_100_females',
      'million_vnd_per_person', 'million_vnd_per_worker', 'million_vnd_per_person_per_month',
      'quintals_per_ha', 'm2_per_person', 'per_1000_live_births', 'kg_per_person'
  )
  AND indicator_id NOT LIKE '%per\_capita%' ESCAPE '\'
  AND indicator_id NOT LIKE '%per\_worker%' ESCAPE '\'
  AND indicator_id NOT LIKE '%per\_person%' ESCAPE '\';
