-- The tables every file is read into: records (row = frictionless row number, header = 1) and the cells of
-- columns a header lacks (reported once at the header, skipped by the cell checks).
CREATE OR REPLACE TEMP TABLE records (res VARCHAR, row INTEGER, cells VARCHAR[]);
CREATE OR REPLACE TEMP TABLE padded (res VARCHAR, row INTEGER, pos INTEGER);
