-- Question: which sources publish the most, and how much of it is about minerals?
SELECT
  source,
  COUNT(*) AS articles,
  COUNTIF(ARRAY_LENGTH(mineral_ids) > 0) AS on_topic,
  COUNT(DISTINCT feed_url) AS feeds,
  MAX(published_at) AS latest
FROM articles
GROUP BY source
ORDER BY articles DESC, source;
