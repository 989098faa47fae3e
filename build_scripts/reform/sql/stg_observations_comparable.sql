-- observations_comparable under the name the site gives every resource's table (stg_<resource>), so the
-- site's row counts and Parquet and JSON writers treat it like the package's own resources.
CREATE OR REPLACE VIEW stg_observations_comparable AS
SELECT unit_id, indicator_id, period, status, value, qualifier, derived, backcast, parts, source_ids
FROM observations_comparable
ORDER BY unit_id, indicator_id, period, status;
