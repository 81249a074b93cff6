-- Question: which stories were syndicated, i.e. stored again (nearly) word for word under
-- another URL, and who carried the copies?
SELECT
  o.title,
  o.source AS original_source,
  o.url AS original_url,
  d.source AS copy_source,
  d.url AS copy_url,
  TIMESTAMP_DIFF(d.published_at, o.published_at, HOUR) AS hours_later
FROM articles AS d
JOIN articles AS o ON o.article_id = d.duplicate_of
ORDER BY o.url, d.url;
