INSERT INTO padded VALUES (?, ?, ?);
