-- A pre-2025 unit with a period that ends after the reform (2025-06-30).
SELECT 'observations' AS res, o.row, 'period' AS field, o.period AS cell, o.unit_id AS unit,
       strftime(p.period_end, '%Y-%m-%d') AS period_end
FROM observations AS o JOIN periods AS p ON p.period = o.period JOIN units AS u ON u.unit_id = o.unit_id
WHERE u.boundary = 'pre-2025' AND p.period_end > DATE '2025-06-30'
ORDER BY o.row;
