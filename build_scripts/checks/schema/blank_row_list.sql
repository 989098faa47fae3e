SELECT res, row FROM blank_rows ORDER BY res, row;
