-- Every figure of the package, and those whose source is a statistics office (national or provincial).
SELECT count(*), count(*) FILTER (WHERE s.kind = 'statistics_office')
FROM stg_observations AS o JOIN stg_sources AS s USING (source_id);
