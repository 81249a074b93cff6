-- Question: which minerals are mentioned together in the same article, and how often?
SELECT
  first_mineral,
  second_mineral,
  COUNT(*) AS articles
FROM articles
CROSS JOIN UNNEST(mineral_ids) AS first_mineral
CROSS JOIN UNNEST(mineral_ids) AS second_mineral
WHERE first_mineral < second_mineral
GROUP BY first_mineral, second_mineral
ORDER BY articles DESC, first_mineral, second_mineral
LIMIT 100;
