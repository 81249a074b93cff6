-- Question: what figures are quoted for lithium over time, and who quoted them?
-- Change the mineral id in the WHERE clause (ids: SELECT id FROM mineral_catalog).
-- Values are as written, scaled by their word (million, bn ...); units are not converted.
SELECT
  DATE(a.published_at) AS published,
  a.source,
  a.url,
  f.kind,
  f.value,
  f.unit,
  f.quote
FROM articles AS a
CROSS JOIN UNNEST(a.minerals) AS m
CROSS JOIN UNNEST(m.figures) AS f
WHERE m.mineral = 'lithium'
ORDER BY published, a.url, m.start, f.quote;
