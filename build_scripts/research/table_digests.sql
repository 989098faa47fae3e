-- The SHA-256 of the staged sources, units and unit crosswalk (one JSON text a row, in text order): what an
-- API document takes from them beyond its slice (a source's language and kind, a unit's successors).
SELECT
    (SELECT sha256(string_agg(to_json(s)::VARCHAR, chr(10) ORDER BY to_json(s)::VARCHAR)) FROM stg_sources AS s) AS sources,
    (SELECT sha256(string_agg(to_json(u)::VARCHAR, chr(10) ORDER BY to_json(u)::VARCHAR)) FROM stg_units AS u) AS units,
    (SELECT sha256(string_agg(to_json(c)::VARCHAR, chr(10) ORDER BY to_json(c)::VARCHAR)) FROM stg_unit_crosswalk AS c) AS crosswalk;
