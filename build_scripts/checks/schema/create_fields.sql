-- One row a field of every schema: its position in the file and its constraints.
CREATE OR REPLACE TEMP TABLE fields (res VARCHAR, pos INTEGER, name VARCHAR, type VARCHAR, required BOOLEAN,
    pattern VARCHAR, enum VARCHAR[], minimum DOUBLE, maximum DOUBLE, min_length BIGINT, max_length BIGINT,
    is_unique BOOLEAN, missing VARCHAR[]);
