-- research_long (a table made once a connection, stored compressed by db.compact): every published figure in long format (one row a figure), the columns of the
-- per-indicator and per-unit downloads in their published order. `shown` is the figure the site shows
-- (int_observations decides it by the rule of sql/figure_choice.sql: status, producer, date, source_id);
-- producer is who produced the figure (the observation's producer, else the source's kind).
CREATE OR REPLACE TABLE research_long AS
SELECT
    o.unit_id,
    u.name_vi AS unit_name_vi,
    u.name_en AS unit_name_en,
    o.indicator_id,
    i.name_vi AS indicator_name_vi,
    i.name_en AS indicator_name_en,
    i.unit,
    i.measure,
    i.price_basis,
    o.period,
    o.start_date AS period_start,
    o.end_date AS period_end,
    o.status,
    o.value,
    o.qualifier,
    o.shown,
    o.producer_kind AS producer,
    o.source_id,
    s.url AS source_url,
    s.publisher AS source_publisher,
    s.title AS source_title,
    s.published AS source_published,
    o.note,
    o.note_vi
FROM int_observations AS o
JOIN stg_units AS u ON u.unit_id = o.unit_id
JOIN stg_indicators AS i ON i.indicator_id = o.indicator_id
JOIN stg_sources AS s ON s.source_id = o.source_id;
