-- One row a field of every schema: its position in the file and its constraints.
CREATE OR REPLACE TEMP TABLE fields AS SELECT * FROM incoming;
