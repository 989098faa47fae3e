-- One row a foreign key: positions of its fields, and of the referenced fields in the referenced resource.
CREATE OR REPLACE TEMP TABLE fk_defs (res VARCHAR, fk INTEGER, fields VARCHAR, idx INTEGER[], ref_res VARCHAR,
    ref_fields VARCHAR, ref_idx INTEGER[]);
