-- A note is written in English (note) and Vietnamese (note_vi) together: one without the other is refused,
-- so that every page reads in its own language.
SELECT 'observations' AS res, row,
       CASE WHEN note IS NULL OR note = '' THEN 'note' ELSE 'note_vi' END AS field,
       CASE WHEN note IS NULL OR note = '' THEN note_vi ELSE note END AS cell,
       CASE WHEN note IS NULL OR note = '' THEN 'note_vi' ELSE 'note' END AS given,
       CASE WHEN note IS NULL OR note = '' THEN 'note' ELSE 'note_vi' END AS missing
FROM observations
WHERE (note IS NULL OR note = '') <> (note_vi IS NULL OR note_vi = '')
ORDER BY row;
