-- A post-2025 province's figure of one indicator and period derived from its former provinces (the
-- reform's comparable series: the sum of every part), or no row.
SELECT period, value, status
FROM reform_comparable_shown
WHERE unit_id = $unit_id AND indicator_id = $indicator_id AND period = $period AND kind = 'derived';
