SELECT count(*) AS n FROM raw;
