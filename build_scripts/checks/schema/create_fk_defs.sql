-- One row a foreign key: positions of its fields, and of the referenced fields in the referenced resource.
CREATE OR REPLACE TEMP TABLE fk_defs AS SELECT * FROM incoming;
