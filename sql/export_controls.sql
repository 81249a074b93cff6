-- Question: who reports export bans, controls, permits or quotas, on which minerals and countries?
-- One row per mineral mention whose sentence speaks of restricting exports.
SELECT
  DATE(a.published_at) AS published,
  a.source,
  m.mineral,
  ARRAY_TO_STRING(m.countries, ', ') AS countries,
  m.sentence,
  a.url
FROM articles AS a
CROSS JOIN UNNEST(a.minerals) AS m
WHERE REGEXP_CONTAINS(LOWER(m.sentence),
  r'export (ban|control|curb|restriction|licen[cs]e|permit|quota|suspension)|(ban|bans|banned|banning|suspend|suspends|suspended|restrict|restricts|restricted|control|controls|curb|curbs) [a-z ,-]{0,80}export')
ORDER BY published, a.url, m.start, m.mineral;
