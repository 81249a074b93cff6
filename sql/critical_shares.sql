-- Question: what share of mineral mentions is about critical minerals (USGS 2025 or EU 2023
-- lists, via mineral_catalog) rather than other minerals?
SELECT
  CASE
    WHEN c.usgs_critical_2025 AND c.eu_critical_2023 THEN 'critical (US and EU)'
    WHEN c.usgs_critical_2025 THEN 'critical (US only)'
    WHEN c.eu_critical_2023 THEN 'critical (EU only)'
    ELSE 'not critical'
  END AS category,
  COUNT(*) AS mentions,
  COUNT(DISTINCT a.article_id) AS articles,
  ROUND(100 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS pct_of_mentions
FROM articles AS a
CROSS JOIN UNNEST(a.mineral_ids) AS mineral_id
JOIN mineral_catalog AS c ON c.id = mineral_id
GROUP BY category
ORDER BY category;
