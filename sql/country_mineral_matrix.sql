-- Question: which countries are linked to which minerals, and how often?
-- A link is a country stated in the same sentence as the mineral mention.
SELECT
  m.mineral,
  country,
  COUNT(*) AS mentions,
  COUNT(DISTINCT a.article_id) AS articles
FROM articles AS a
CROSS JOIN UNNEST(a.minerals) AS m
CROSS JOIN UNNEST(m.countries) AS country
GROUP BY m.mineral, country
ORDER BY mentions DESC, m.mineral, country;
