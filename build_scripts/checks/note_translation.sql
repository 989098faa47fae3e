-- The two languages of a note go together: a Vietnamese note (note_vi) without the English one (note) is
-- refused. A note not yet translated (note without note_vi) is shown on Vietnamese pages as "in English
-- only", never as an English sentence, and the seed importer's report counts those notes.
SELECT 'observations' AS res, row, 'note' AS field, note_vi AS cell
FROM observations
WHERE (note IS NULL OR note = '') AND note_vi IS NOT NULL AND note_vi <> ''
ORDER BY row;
