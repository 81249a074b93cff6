-- Question: how many articles mention each mineral, week by week?
-- Weeks start on Sunday (BigQuery's WEEK); dated articles only; a mineral counts once per
-- article.
SELECT
  DATE_TRUNC(DATE(published_at), WEEK) AS week,
  mineral,
  COUNT(*) AS articles
FROM articles, UNNEST(mineral_ids) AS mineral
WHERE published_at IS NOT NULL
GROUP BY week, mineral
ORDER BY week, articles DESC, mineral;
