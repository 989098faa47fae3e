-- Rows whose primary key cells are all missing (frictionless reports these as primary-key errors).
SELECT res, row FROM keys WHERE replace(key, chr(0), '') = '' ORDER BY res, row;
