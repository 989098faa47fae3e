-- Figures by kind of publisher: all years, and the annual outcomes of the years $first to $last.
SELECT s.kind, count(*) AS figures,
       count(*) FILTER (WHERE period_kind(o.period) = 'year' AND o.status <> 'plan'
                        AND TRY_CAST(o.period AS INTEGER) BETWEEN $first AND $last) AS in_span
FROM stg_observations AS o JOIN stg_sources AS s USING (source_id)
GROUP BY s.kind
ORDER BY figures DESC, s.kind;
