INSERT INTO key_defs VALUES (?, ?);
