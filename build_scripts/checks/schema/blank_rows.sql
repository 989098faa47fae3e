-- Data rows whose every cell is empty (frictionless: blank-row); other checks skip them.
CREATE OR REPLACE TEMP TABLE blank_rows AS
SELECT res, row FROM records WHERE row > 1 AND list_max(cells) = '';
