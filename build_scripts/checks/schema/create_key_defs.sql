-- One row a resource with a primary key: the 1-based positions of its key fields.
CREATE OR REPLACE TEMP TABLE key_defs (res VARCHAR, idx INTEGER[]);
