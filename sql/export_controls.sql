-- Question: which governments tightened or eased export controls on which minerals, newest first?
-- One row per article, mineral and direction of an export_restriction event (bans,
-- suspensions, quotas, licences, export taxes, and their lifting or easing): the
-- country that acts when the sentence names it, the sentence and the link. Syndicated
-- copies are left out.
SELECT DISTINCT
  DATE(a.published_at) AS published,
  m.mineral,
  e.direction,
  e.country,
  a.source,
  m.sentence,
  a.url
FROM articles AS a
CROSS JOIN UNNEST(a.minerals) AS m
CROSS JOIN UNNEST(m.events) AS e
WHERE e.type = 'export_restriction' AND a.duplicate_of IS NULL
ORDER BY published DESC, m.mineral, e.direction, a.url, m.sentence;
